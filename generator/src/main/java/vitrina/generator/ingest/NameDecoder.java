package vitrina.generator.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes file names from zips made on Windows (CP866 without the UTF-8 flag), macOS (UTF-8 without the flag) and
 * everything else (UTF-8 with the flag).
 */
final class NameDecoder {
    static final Charset CP866 = Charset.forName("IBM866");

    private NameDecoder() {
    }

    static String decode(byte[] raw, boolean utf8Flag) {
        if (utf8Flag) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        String utf8 = strictUtf8(raw);
        return utf8 != null ? utf8 : new String(raw, CP866);
    }

    /** The text if the bytes are valid UTF-8, else null. */
    static String strictUtf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
