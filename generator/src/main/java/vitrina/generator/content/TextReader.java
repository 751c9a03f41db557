package vitrina.generator.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads Markdown and YAML as strict UTF-8. A UTF-8 byte-order mark is dropped and Windows line ends become
 * {@code \n}. Text in another encoding (typically Windows-1251 from old editors) is an error, not a guess: the
 * school re-saves the file as UTF-8, so what is published is exactly what they see.
 */
final class TextReader {
    /** Larger YAML or Markdown files are refused: nobody writes 4 MB of text by hand. */
    static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

    private TextReader() {
    }

    static Optional<String> read(Path file, Issues.At out) throws IOException {
        long size = Files.size(file);
        if (size > MAX_TEXT_BYTES) {
            out.error(0, 0, "file.text.too-large", "Текстовый файл слишком большой (" + size / 1024 + " КБ).",
                    "Разделите текст на несколько разделов или уберите из него вставленные картинки.");
            return Optional.empty();
        }
        return decode(Files.readAllBytes(file), out);
    }

    static Optional<String> decode(byte[] bytes, Issues.At out) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // The String constructor decodes fast but replaces malformed input with U+FFFD; only text that then holds
        // U+FFFD (malformed, or a genuine replacement character) goes through the strict decoder that reports it.
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return Optional.of(fast.replace("\r\n", "\n").replace('\r', '\n'));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return Optional.of(text.replace("\r\n", "\n").replace('\r', '\n'));
        } catch (CharacterCodingException e) {
            int line = lineOfFirstBadByte(bytes, start);
            String guess = looksLikeCp1251(bytes) ? " (похоже на Windows-1251)" : "";
            out.error(line, 0, "file.encoding", "Файл сохранён не в кодировке UTF-8" + guess + ".",
                    "Откройте файл в редакторе и сохраните его в кодировке UTF-8 "
                            + "(в Блокноте: «Сохранить как» → Кодировка: UTF-8).");
            return Optional.empty();
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes, int start) {
        int line = 1;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : -1;
            if (len < 0 || i + len > bytes.length) {
                return line;
            }
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return line;
                }
            }
            if (b == '\n') {
                line++;
            }
            i += len;
        }
        return line;
    }

    /** Many bytes in the Cyrillic block of Windows-1251 (0xC0-0xFF) and no valid UTF-8 sequences. */
    static boolean looksLikeCp1251(byte[] bytes) {
        int cyrillic = 0;
        int high = 0;
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b >= 0x80) {
                high++;
                if (b >= 0xC0 || b == 0xA8 || b == 0xB8) {
                    cyrillic++;
                }
            }
        }
        return high > 0 && cyrillic * 10 >= high * 7;
    }
}
