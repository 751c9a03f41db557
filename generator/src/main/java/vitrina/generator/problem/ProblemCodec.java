package vitrina.generator.problem;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems in the build caches' binary files: a count, then per problem its fields in declaration order, strings
 * length-prefixed UTF-8 ({@code -1} for null; {@link #writeString}, which the caches use for their other strings
 * too). Reading a damaged or truncated list is an {@link IOException}.
 */
public final class ProblemCodec {
    private static final int MAX_COUNT = 10_000_000;
    private static final int MAX_STRING_BYTES = 256 << 20;

    private ProblemCodec() {
    }

    /** Builds a caller's record of one problem from the stored fields (a record constructor fits). */
    public interface Fields<T> {
        T of(String file, int line, int column, String severity, String code, String message, String hint,
             String standId);
    }

    public static void write(DataOutputStream out, List<Problem> problems) throws IOException {
        out.writeInt(problems.size());
        for (Problem p : problems) {
            write(out, p.file(), p.line(), p.column(), p.severity().name(), p.code(), p.message(), p.hint(),
                    p.standId());
        }
    }

    /** One problem's fields; the caller writes the count first ({@link DataOutputStream#writeInt}). */
    public static void write(DataOutputStream out, String file, int line, int column, String severity, String code,
                             String message, String hint, String standId) throws IOException {
        writeString(out, file);
        out.writeInt(line);
        out.writeInt(column);
        writeString(out, severity);
        writeString(out, code);
        writeString(out, message);
        writeString(out, hint);
        writeString(out, standId);
    }

    public static List<Problem> read(DataInputStream in) throws IOException {
        try {
            return read(in, (file, line, column, severity, code, message, hint, standId) -> new Problem(file, line,
                    column, Severity.valueOf(severity), code, message, hint, standId));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("damaged problem list", e);
        }
    }

    /** A list written by {@link #write}, each problem made by {@code make}. */
    public static <T> List<T> read(DataInputStream in, Fields<T> make) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("damaged problem list: count " + n);
        }
        List<T> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            problems.add(make.of(readString(in), in.readInt(), in.readInt(), readString(in), readString(in), readString(in), readString(in), readString(in)));
        }
        return problems;
    }

    /** A length-prefixed UTF-8 string; -1 for null. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A string written by {@link #writeString}; an {@link IOException} when damaged or cut short. */
    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("damaged cache file: string of " + n + " bytes");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("truncated cache file");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
