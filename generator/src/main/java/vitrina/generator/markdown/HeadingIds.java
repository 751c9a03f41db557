package vitrina.generator.markdown;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Translit;

/**
 * Gives every heading a transliterated, page-unique anchor id («О школе» → {@code o-shkole}, then
 * {@code o-shkole-2}) in document order, and lists the headings. Ids of the site's own widgets are reserved.
 */
final class HeadingIds {
    /** Selectors parsed once (evaluators are thread-safe); parsing them per page showed in profiles. */
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Set<String> RESERVED = Set.of("vote-title", "search-app", "site-search-q", "main",
            "content");
    static final String FALLBACK = "razdel";

    private HeadingIds() {
    }

    static List<RenderedMarkdown.Heading> assign(Element root) {
        Set<String> used = new HashSet<>(RESERVED);
        List<Element> headings = root.select(HEADINGS);
        for (Element el : root.select(WITH_ID)) {
            if (!headings.contains(el)) {
                used.add(el.id());
            }
        }
        List<RenderedMarkdown.Heading> result = new ArrayList<>(headings.size());
        for (Element h : headings) {
            String text = h.text();
            String base = Translit.slug(text);
            if (base.isEmpty()) {
                base = FALLBACK;
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            h.attr("id", id);
            result.add(new RenderedMarkdown.Heading(h.normalName().charAt(1) - '0', id, text));
        }
        return result;
    }
}
