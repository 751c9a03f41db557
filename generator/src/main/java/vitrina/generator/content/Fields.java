package vitrina.generator.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed, located access to the fields of one YAML map. Wrong types and missing required fields become errors
 * naming the field and showing how to write it; unknown fields become warnings with a "did you mean" hint.
 * Getters return null when the field is absent or unusable (the problem is already reported).
 */
final class Fields {
    private final YamlNode map;
    private final Issues.At out;
    private final String codePrefix;
    private final String path;
    private final int line;
    private final int column;

    /**
     * @param codePrefix first part of problem codes: {@code stand}, {@code site}, {@code page}, {@code moderation}
     * @param path       field path prefix for messages, e.g. {@code "license."}; empty at the top level
     * @param line       where to point for a missing field (the parent key), 0 at the top level
     */
    Fields(YamlNode map, Issues.At out, String codePrefix, String path, int line, int column) {
        this.map = map;
        this.out = out;
        this.codePrefix = codePrefix;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    static Fields root(YamlNode map, Issues.At out, String codePrefix) {
        return new Fields(map, out, codePrefix, "", 0, 0);
    }

    Issues.At out() {
        return out;
    }

    String name(String key) {
        return path + key;
    }

    /** Warns about every key not in {@code known}, suggesting the closest known one. */
    void allowOnly(Collection<String> known) {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                Optional<String> guess = Suggest.closest(e.key(), known);
                out.warning(e, codePrefix + ".field.unknown", "Неизвестное поле «" + name(e.key()) + "», оно не используется.",
                        guess.map(g -> "Возможно, вы имели в виду " + path + g + ".")
                                .orElse("Допустимые поля: " + String.join(", ", known) + "."));
            }
        }
    }

    YamlNode.Entry entry(String key) {
        YamlNode.Entry e = map.entry(key);
        return e == null || e.value().isNull() ? null : e;
    }

    /** Reports a missing required field, with an example of how to write it. */
    void missing(String key, String example) {
        out.error(line, column, codePrefix + ".field.missing", "Не заполнено обязательное поле «" + name(key) + "».",
                "Добавьте строку: " + example);
    }

    String text(String key) {
        YamlNode.Entry e = entry(key);
        if (e == null) {
            return null;
        }
        if (!e.value().isScalar()) {
            wrongType(e, "текст");
            return null;
        }
        String s = e.value().text().strip();
        return s.isEmpty() ? null : s;
    }

    String requireText(String key, String example) {
        String s = text(key);
        if (s == null) {
            YamlNode.Entry raw = map.entry(key);
            if (raw == null || raw.value().isNull() || raw.value().isScalar()) {
                require(key, example);
            }
        }
        return s;
    }

    /** Reports the field when it is absent or empty; returns whether it has a value. */
    boolean require(String key, String example) {
        YamlNode.Entry raw = map.entry(key);
        if (raw == null) {
            missing(key, example);
            return false;
        }
        boolean empty = raw.value().isNull() || raw.value().isScalar() && raw.value().text().isBlank()
                || raw.value().isList() && raw.value().items().isEmpty();
        if (empty) {
            out.error(raw, codePrefix + ".field.missing", "Обязательное поле «" + name(key) + "» пустое.",
                    "Заполните его: " + example);
            return false;
        }
        return true;
    }

    Integer integer(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException ex) {
            YamlNode.Entry e = entry(key);
            out.error(e.value(), codePrefix + ".field.type", "Поле «" + name(key) + "» должно быть целым числом, а записано «" + s + "».",
                    "Напишите число без кавычек и пробелов, например: " + key + ": 10");
            return null;
        }
    }

    Double number(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s.replace(',', '.'));
        } catch (NumberFormatException ex) {
            out.error(entry(key).value(), codePrefix + ".field.type", "Поле «" + name(key) + "» должно быть числом, а записано «" + s + "».",
                    "Напишите число с точкой, например: " + key + ": 0.5");
            return null;
        }
    }

    Boolean bool(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase()) {
            case "true": case "yes": case "on":
                return Boolean.TRUE;
            case "false": case "no": case "off":
                return Boolean.FALSE;
            default:
                out.error(entry(key).value(), codePrefix + ".field.type", "Поле «" + name(key) + "» должно быть true или false, а записано «" + s + "».",
                        "Напишите: " + key + ": true или " + key + ": false");
                return null;
        }
    }

    LocalDate date(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException ex) {
            out.error(entry(key).value(), codePrefix + ".date.invalid", "Поле «" + name(key) + "»: «" + s + "» — не дата.",
                    "Пишите дату в виде ГГГГ-ММ-ДД, например: " + key + ": 2026-03-17");
            return null;
        }
    }

    /** A nested map, or null when absent or not a map (reported). */
    Fields nested(String key) {
        YamlNode.Entry e = entry(key);
        if (e == null) {
            return null;
        }
        if (!e.value().isMap()) {
            wrongType(e, "набор полей (вложенные строки с отступом или { ... })");
            return null;
        }
        return new Fields(e.value(), out, codePrefix, name(key) + ".", e.line(), e.column());
    }

    /** List items; a single scalar is accepted as a one-item list. Null when absent or not a list. */
    List<YamlNode> list(String key) {
        YamlNode.Entry e = entry(key);
        if (e == null) {
            return null;
        }
        if (e.value().isScalar()) {
            return List.of(e.value());
        }
        if (!e.value().isList()) {
            wrongType(e, "список ([a, b] или строки, начинающиеся с «- »)");
            return null;
        }
        return e.value().items();
    }

    /** Scalar items of a list field; other items are reported and skipped. */
    List<YamlNode> scalarList(String key) {
        List<YamlNode> items = list(key);
        if (items == null) {
            return null;
        }
        List<YamlNode> scalars = new ArrayList<>();
        for (YamlNode item : items) {
            if (item.isScalar() && !item.text().isBlank()) {
                scalars.add(item);
            } else {
                out.error(item, codePrefix + ".field.type", "В списке «" + name(key) + "» ожидается значение, а записано " + item.describe() + ".",
                        "Пишите элементы списка так: " + key + ": [первый, второй]");
            }
        }
        return scalars;
    }

    void wrongType(YamlNode.Entry e, String expected) {
        out.error(e.value(), codePrefix + ".field.type", "Поле «" + name(e.key()) + "» должно быть: " + expected + ", а записано " + e.value().describe() + ".",
                "Проверьте, как записано поле «" + name(e.key()) + "», по образцу в документации (CONTENT.md).");
    }
}
