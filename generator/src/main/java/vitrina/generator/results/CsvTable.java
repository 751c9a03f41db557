package vitrina.generator.results;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vitrina.generator.problem.Problem;

/**
 * A CSV file as organizers export it from Excel or LibreOffice: UTF-8 (with or without BOM) or Windows-1251,
 * comma or semicolon separated (the separator is taken from the header row), RFC 4180 quotes. Every row keeps its
 * 1-based line and the 1-based column where each field starts, so problems point at the exact cell.
 */
final class CsvTable {
    static final Charset CP1251 = Charset.forName("windows-1251");

    /** One data row: its line, its fields (trimmed) and the column of each field. */
    record Row(int line, List<String> fields, List<Integer> columns) {
        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        int column(int index) {
            return index < columns.size() ? columns.get(index) : columns.get(columns.size() - 1);
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Decodes and splits {@code bytes}; {@code file} names the file in problems. An empty file has no header. */
    static CsvTable parse(byte[] bytes, String file, Consumer<Problem> problems) {
        String text = decode(bytes, file, problems);
        char separator = separatorOf(text);
        List<Row> all = split(text, separator, file, problems);
        if (all.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = all.get(0).fields().stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
        return new CsvTable(header, List.copyOf(all.subList(1, all.size())));
    }

    /** Valid UTF-8 (BOM stripped) is read as UTF-8; anything else as Windows-1251, with a warning. */
    static String decode(byte[] bytes, String file, Consumer<Problem> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            problems.accept(Problem.warning(file, 0, 0, "evaluation.encoding.cp1251",
                    "Файл не в кодировке UTF-8 и прочитан как Windows-1251",
                    "Проверьте, что русские буквы в результатах выглядят верно; лучше сохранять файл как «CSV UTF-8»"));
            return new String(bytes, CP1251);
        }
    }

    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static List<Row> split(String text, char separator, String file, Consumer<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int column = 1;
        int rowLine = 1;
        int fieldColumn = 1;
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                    column += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                continue;
            }
            if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
                blank = false;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                columns.add(fieldColumn);
                field.setLength(0);
                fieldColumn = column + 1;
                blank = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                finish(rows, fields, columns, field, fieldColumn, rowLine, blank);
                line++;
                column = 0;
                rowLine = line;
                fieldColumn = 1;
                blank = true;
            } else {
                field.append(c);
                if (!Character.isWhitespace(c)) {
                    blank = false;
                }
            }
            column++;
        }
        if (quoted) {
            problems.accept(Problem.error(file, rowLine, fieldColumn, "evaluation.csv.quote",
                    "Кавычка в этой строке не закрыта до конца файла", "Закройте кавычку или удалите её"));
        }
        finish(rows, fields, columns, field, fieldColumn, rowLine, blank);
        return rows;
    }

    private static void finish(List<Row> rows, List<String> fields, List<Integer> columns, StringBuilder field,
                               int fieldColumn, int line, boolean blank) {
        if (!blank) {
            fields.add(field.toString().strip());
            columns.add(fieldColumn);
            rows.add(new Row(line, List.copyOf(fields), List.copyOf(columns)));
        }
        fields.clear();
        columns.clear();
        field.setLength(0);
    }
}
