package vitrina.generator.content;

import java.util.Optional;

/**
 * Splits optional YAML front matter ({@code ---} lines around it at the very top) from a Markdown body, and finds
 * the first {@code # heading} for a fallback title.
 *
 * @param fields   the front matter fields (an empty map when there is none)
 * @param body     the Markdown after the front matter
 * @param bodyLine 1-based line where the body starts
 */
record FrontMatter(YamlNode fields, String body, int bodyLine) {

    /** Returns empty when the front matter is broken (the problem is reported). */
    static Optional<FrontMatter> split(String text, Issues.At out) {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            return Optional.of(new FrontMatter(YamlNode.emptyMap(), text, 1));
        }
        int pos = text.indexOf('\n') + 1;
        int line = 2;
        while (pos > 0 && pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (current.equals("---") || current.equals("...")) {
                String yaml = text.substring(4, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                Optional<YamlNode> fields = YamlReader.parse(yaml, 1, out);
                if (fields.isEmpty()) {
                    return Optional.empty();
                }
                if (!fields.get().isMap()) {
                    out.error(fields.get(), "page.front-matter.invalid",
                            "В начале страницы между строками --- должны быть поля вида «title: Заголовок».",
                            "Напишите поля так:\n---\ntitle: \"О школе\"\n---");
                    return Optional.empty();
                }
                return Optional.of(new FrontMatter(fields.get(), body, line + 1));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        out.error(1, 1, "page.front-matter.unclosed", "Блок полей в начале страницы открыт строкой ---, но не закрыт.",
                "Добавьте строку --- после полей (title, order) или удалите первую строку ---.");
        return Optional.empty();
    }

    /** The text of the first level-one ATX heading ({@code # Title}), if any. */
    static Optional<String> firstHeading(String markdown) {
        boolean fenced = false;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && raw.startsWith("# ")) {
                String title = line.substring(2).replaceAll("\\s+#+\\s*$", "").strip();
                if (!title.isEmpty()) {
                    return Optional.of(title);
                }
            }
        }
        return Optional.empty();
    }
}
