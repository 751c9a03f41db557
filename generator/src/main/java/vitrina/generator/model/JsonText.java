package vitrina.generator.model;

/**
 * JSON string literals for the files the generator writes by hand (index shards, reports, manifests), so their
 * bytes stay fully under control. Escapes quotes, backslashes, control characters, U+2028/U+2029 and {@code <}
 * (so a literal is also safe inside an HTML {@code <script>} block).
 */
public final class JsonText {
    private JsonText() {
    }

    public static StringBuilder quote(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    public static String quote(String s) {
        return s == null ? "null" : quote(new StringBuilder(s.length() + 2), s).toString();
    }
}
