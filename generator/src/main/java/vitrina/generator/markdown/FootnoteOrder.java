package vitrina.generator.markdown;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Renumbers footnotes in the order they are first referenced. Flexmark 0.64 numbers a footnote that is referenced
 * twice after the others, so a page could start with footnote «2»; readers expect 1, 2, 3.
 */
final class FootnoteOrder {
    /** Selectors parsed once (evaluators are thread-safe); parsing them per page showed in profiles. */
    private static final Evaluator REFS = QueryParser.parse("a.footnote-ref");
    private static final Evaluator NOTES = QueryParser.parse("div.footnotes > ol > li[id]");
    private static final Evaluator BACKREFS = QueryParser.parse("a.footnote-backref");
    private static final Evaluator LISTS = QueryParser.parse("div.footnotes > ol");
    private static final Pattern NUMBER = Pattern.compile("^(#?fn(?:ref)?-)(\\d+)(.*)$");

    private FootnoteOrder() {
    }

    static void renumber(Element root) {
        Map<String, String> numbers = new LinkedHashMap<>();
        List<Element> refs = root.select(REFS);
        for (Element a : refs) {
            Matcher m = NUMBER.matcher(a.attr("href"));
            if (m.matches()) {
                numbers.putIfAbsent(m.group(2), Integer.toString(numbers.size() + 1));
            }
        }
        if (numbers.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return;
        }
        for (Element a : refs) {
            renumber(a, "href", numbers);
            a.text(numberIn(a.attr("href")));
            Element sup = a.parent();
            if (sup != null && sup.normalName().equals("sup")) {
                renumber(sup, "id", numbers);
            }
        }
        for (Element li : root.select(NOTES)) {
            renumber(li, "id", numbers);
            for (Element back : li.select(BACKREFS)) {
                renumber(back, "href", numbers);
            }
        }
        for (Element ol : root.select(LISTS)) {
            List<Element> items = ol.select("> li[id]");
            items.sort(Comparator.comparingInt(li -> Integer.parseInt(numberIn(li.id()))));
            ol.empty();
            ol.appendText("\n");
            for (Element li : items) {
                ol.appendChild(li);
                ol.appendText("\n");
            }
        }
    }

    private static void renumber(Element el, String attribute, Map<String, String> numbers) {
        Matcher m = NUMBER.matcher(el.attr(attribute));
        if (m.matches() && numbers.containsKey(m.group(2))) {
            el.attr(attribute, m.group(1) + numbers.get(m.group(2)) + m.group(3));
        }
    }

    private static String numberIn(String value) {
        Matcher m = NUMBER.matcher(value);
        return m.matches() ? m.group(2) : "0";
    }
}
