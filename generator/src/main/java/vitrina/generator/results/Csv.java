package vitrina.generator.results;

import java.util.List;

/**
 * Writes RFC 4180 rows (CRLF). A text cell that starts with {@code = + - @} gets a leading apostrophe, so that a
 * spreadsheet never runs it as a formula (CSV injection); numbers are never written with a sign.
 */
final class Csv {
    private Csv() {
    }

    static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip());
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
