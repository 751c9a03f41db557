package vitrina.generator.problem;

import java.util.Objects;

/**
 * One mistake in the content, reported to the person who can fix it.
 *
 * @param file    path relative to the content folder, with forward slashes (e.g. {@code stands/shkola-1/stand.yaml})
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param severity error or warning
 * @param code    stable machine-readable code (e.g. {@code stand.region.unknown}), for tools and tests
 * @param message what is wrong, in Russian
 * @param hint    how to fix it, in Russian (may be empty)
 * @param standId the stand the problem belongs to, or {@code null} for site-wide files
 */
public record Problem(String file, int line, int column, Severity severity, String code,
                      String message, String hint, String standId) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Problem error(String file, int line, int column, String code, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, code, message, hint, null);
    }

    public static Problem warning(String file, int line, int column, String code, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, code, message, hint, null);
    }

    public Problem forStand(String id) {
        return new Problem(file, line, column, severity, code, message, hint, id);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col} as editors and CI annotations understand it. */
    public String location() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        String head = location() + ": " + severity.russian() + ": " + message;
        return hint.isEmpty() ? head : head + System.lineSeparator() + "  → " + hint;
    }
}
