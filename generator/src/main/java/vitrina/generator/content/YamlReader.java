package vitrina.generator.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into {@link YamlNode}s that carry line and column, using Jackson's streaming parser. A syntax
 * error becomes a {@code yaml.syntax} problem with the parser's position and a Russian explanation.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final int MAX_DEPTH = 20;

    private YamlReader() {
    }

    /**
     * @param text       the YAML document
     * @param lineOffset added to every line (front matter starts below the {@code ---} line)
     * @return the root node (an empty map for an empty document), or empty after a syntax error
     */
    static Optional<YamlNode> parse(String text, int lineOffset, Issues.At out) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.of(YamlNode.emptyMap());
            }
            YamlNode root = read(p, lineOffset, out, 0);
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            reportSyntax(e, text, lineOffset, out);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            out.error(lineOffset + 1, 1, "yaml.syntax", "Не удалось разобрать YAML: " + e.getMessage(),
                    "Проверьте отступы (только пробелы) и кавычки вокруг значений.");
            return Optional.empty();
        }
    }

    private static YamlNode read(JsonParser p, int lineOffset, Issues.At out, int depth) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr() + lineOffset;
        int column = loc.getColumnNr();
        JsonToken t = p.currentToken();
        if (depth > MAX_DEPTH && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            p.skipChildren();
            out.error(line, column, "yaml.too-deep", "Слишком глубокая вложенность YAML.",
                    "Поля stand.yaml и site.yaml вкладываются не глубже двух-трёх уровней.");
            return YamlNode.nullValue(line, column);
        }
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    YamlNode value = read(p, lineOffset, out, depth + 1);
                    YamlNode.Entry entry = new YamlNode.Entry(key, kl.getLineNr() + lineOffset, kl.getColumnNr(), value);
                    if (entries.containsKey(key)) {
                        out.error(entry, "yaml.duplicate-key", "Поле «" + key + "» записано дважды.",
                                "Оставьте одно поле «" + key + "» (первое записано в строке "
                                        + entries.get(key).line() + ").");
                    } else {
                        entries.put(key, entry);
                    }
                }
                return YamlNode.map(entries, line, column);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, lineOffset, out, depth + 1));
                }
                return YamlNode.list(items, line, column);
            }
            case VALUE_NULL:
                return YamlNode.nullValue(line, column);
            default:
                return YamlNode.scalar(p.getText(), line, column);
        }
    }

    private static void reportSyntax(JsonProcessingException e, String text, int lineOffset, Issues.At out) {
        int line = 0;
        int column = 0;
        String problem = "";
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            line = mark.getLine() + 1;
            column = mark.getColumn() + 1;
            problem = String.valueOf(m.getProblem()) + " " + String.valueOf(m.getContext());
        } else if (e.getLocation() != null) {
            line = e.getLocation().getLineNr();
            column = e.getLocation().getColumnNr();
            problem = e.getOriginalMessage();
        }
        String[] explained = explain(problem, text, line);
        out.error(line > 0 ? line + lineOffset : 0, Math.max(column, 0), "yaml.syntax",
                "Ошибка синтаксиса YAML: " + explained[0], explained[1]);
    }

    /** Turns the parser's English problem into a Russian explanation and hint. */
    static String[] explain(String problem, String text, int line) {
        String p = problem == null ? "" : problem;
        String lineText = lineAt(text, line);
        if (p.contains("\\t") || p.contains("TAB") || lineText.startsWith("\t")) {
            return new String[] {"в строке есть символ табуляции.",
                "Замените табуляцию пробелами: YAML допускает отступы только пробелами."};
        }
        if (p.contains("quoted scalar")) {
            return new String[] {"не закрыта кавычка.", "Закройте кавычку в конце значения (\"...\")."};
        }
        if (p.contains("mapping values are not allowed")) {
            return new String[] {"лишнее двоеточие или неверный отступ.",
                "Если в значении есть двоеточие, заключите значение в кавычки: name: \"Школа: история\"."};
        }
        if (p.contains("could not find expected ':'")) {
            return new String[] {"после имени поля нет двоеточия.", "Пишите поле так: city: \"Сочи\"."};
        }
        if (p.contains("block end") || p.contains("block mapping") || p.contains("indentation")) {
            return new String[] {"неверный отступ.",
                "Поля одного уровня начинайте с одной и той же позиции; вложенные — на два пробела правее."};
        }
        if (p.contains("alias") || p.contains("anchor")) {
            return new String[] {"ссылки YAML (& и *) не поддерживаются.",
                "Заключите значение, начинающееся с & или *, в кавычки."};
        }
        return new String[] {p.isBlank() ? "файл не удалось разобрать." : p.strip().replaceAll("\\s+", " "),
            "Проверьте отступы (только пробелы), двоеточия после имён полей и парность кавычек."};
    }

    private static String lineAt(String text, int line) {
        if (line < 1) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        return line <= lines.length ? lines[line - 1] : "";
    }
}
