package vitrina.generator.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites the text files of an upload as UTF-8 without BOM: UTF-16 (by its BOM) and Windows-1251 (when the bytes are
 * not valid UTF-8) are converted. Returns what it did, for the school's report.
 */
final class TextRecoder {
    static final Set<String> TEXT = Set.of("md", "yaml", "yml", "txt", "csv");
    private static final Charset CP1251 = Charset.forName("windows-1251");

    private TextRecoder() {
    }

    static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** @return a description of the conversion («Windows-1251 → UTF-8»), or null when the file was already UTF-8 */
    static String recode(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String text;
        String what;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
            what = "UTF-16 → UTF-8";
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
            what = "UTF-16 → UTF-8";
        } else if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
            what = "удалена метка BOM";
        } else if (NameDecoder.strictUtf8(b) != null) {
            return null;
        } else {
            text = new String(b, CP1251);
            what = "Windows-1251 → UTF-8";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return what;
    }
}
