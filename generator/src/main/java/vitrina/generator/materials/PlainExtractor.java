package vitrina.generator.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.rtf.RTFEditorKit;

/** RTF through the JDK's RTFEditorKit, and plain text in UTF-8 or, failing that, Windows-1251. */
final class PlainExtractor {
    static final long MAX_TEXT_BYTES = 20L * 1024 * 1024;

    private PlainExtractor() {
    }

    static Extraction rtf(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            return Extraction.failed("material.bomb", "RTF больше 20 МБ");
        }
        DefaultStyledDocument doc = new DefaultStyledDocument();
        try (InputStream in = Files.newInputStream(file)) {
            new RTFEditorKit().read(in, doc, 0);
            return new Extraction(doc.getText(0, doc.getLength()).replaceAll("\\s+", " ").strip(), 0, "", "");
        } catch (BadLocationException e) {
            return Extraction.failed("material.corrupt", "RTF не читается");
        }
    }

    static Extraction txt(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            return Extraction.failed("material.bomb", "текстовый файл больше 20 МБ");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1251"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Extraction(text.replaceAll("\\s+", " ").strip(), 0, "", "");
    }
}
