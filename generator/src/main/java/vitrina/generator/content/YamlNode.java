package vitrina.generator.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so that every problem can point at a line and column.
 * Maps keep the order written; each entry also remembers where its key stands.
 */
final class YamlNode {
    enum Kind { MAP, LIST, SCALAR, NULL }

    /** One key of a map with the key's own position and its value. */
    record Entry(String key, int line, int column, YamlNode value) {
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String text;
    private final Map<String, Entry> entries;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, int line, int column, String text, Map<String, Entry> entries, List<YamlNode> items) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.entries = entries;
        this.items = items;
    }

    static YamlNode scalar(String text, int line, int column) {
        return new YamlNode(Kind.SCALAR, line, column, text, Map.of(), List.of());
    }

    static YamlNode nullValue(int line, int column) {
        return new YamlNode(Kind.NULL, line, column, null, Map.of(), List.of());
    }

    static YamlNode map(LinkedHashMap<String, Entry> entries, int line, int column) {
        return new YamlNode(Kind.MAP, line, column, null, Collections.unmodifiableMap(entries), List.of());
    }

    static YamlNode list(List<YamlNode> items, int line, int column) {
        return new YamlNode(Kind.LIST, line, column, null, Map.of(), List.copyOf(items));
    }

    static YamlNode emptyMap() {
        return map(new LinkedHashMap<>(), 1, 1);
    }

    Kind kind() {
        return kind;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** The scalar's text as written (numbers keep leading zeros); null for maps, lists and null. */
    String text() {
        return text;
    }

    /** Entries of a map in the order written; empty for other kinds. */
    Map<String, Entry> entries() {
        return entries;
    }

    Entry entry(String key) {
        return entries.get(key);
    }

    List<YamlNode> items() {
        return items;
    }

    /** A Russian word for the kind, used in "expected ... but found ..." messages. */
    String describe() {
        return switch (kind) {
            case MAP -> "набор полей";
            case LIST -> "список";
            case SCALAR -> "значение «" + text + "»";
            case NULL -> "пустое значение";
        };
    }
}
