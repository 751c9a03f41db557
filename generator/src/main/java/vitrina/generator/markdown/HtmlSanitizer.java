package vitrina.generator.markdown;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes from the HTML everything a strict allow-list (jsoup's relaxed list, minus URL protocols, which
 * {@link LinkRewriter} checks) does not keep, and reports each removal with its line. Dangerous elements go with
 * their content; unknown harmless ones are unwrapped so their text stays. Comments disappear silently: they were
 * never visible. Stateless and thread-safe.
 */
final class HtmlSanitizer {
    /** Selectors parsed once (evaluators are thread-safe); parsing them per page showed in profiles. */
    private static final Evaluator PARAGRAPHS_AND_LINKS = QueryParser.parse("p, a");
    static final String CODE = "markdown.html.removed";

    /** Removed together with everything inside them. */
    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "param", "form", "input", "button", "select", "option", "optgroup", "textarea",
            "datalist", "output", "keygen", "svg", "math", "template", "noscript", "noembed", "noframes", "xmp",
            "plaintext", "listing", "title", "meta", "link", "base", "audio", "video", "source", "track",
            "picture", "canvas", "portal", "dialog", "slot");

    private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(ref)?-\\d{1,6}(-\\d{1,6})?");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final Safelist safelist;

    HtmlSanitizer() {
        safelist = Safelist.relaxed()
                .addTags("del", "s", "ins", "hr", "mark", "kbd", "abbr", "samp", "var")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addAttributes("abbr", "title")
                .removeProtocols("a", "href", "ftp", "http", "https", "mailto")
                .removeProtocols("img", "src", "http", "https")
                .removeProtocols("blockquote", "cite", "http", "https")
                .removeProtocols("q", "cite", "http", "https");
    }

    void clean(Element root, PageReport report) {
        List<Element> unwrap = new ArrayList<>();
        List<CDataNode> cdata = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof CDataNode section) {
                    cdata.add(section);
                    return FilterResult.CONTINUE;
                }
                if (node == root || node instanceof TextNode) {
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element el) {
                    return element(el, report, unwrap);
                }
                // comments, doctype, XML declarations: never visible, removed silently
                return FilterResult.REMOVE;
            }
        }, root);
        for (Element el : unwrap) {
            el.unwrap();
        }
        for (CDataNode section : cdata) {
            // CDATA is serialized raw; keep its text as ordinary, escaped text
            section.replaceWith(new TextNode(section.text()));
        }
    }

    private NodeFilter.FilterResult element(Element el, PageReport report, List<Element> unwrap) {
        String tag = el.normalName();
        boolean html = el.tag().namespace().equals("http://www.w3.org/1999/xhtml");
        if (DROPPED.contains(tag) || !html) {
            report.warn(el, CODE, "Удалён HTML-тег <" + tag + ">" + (el.childNodeSize() > 0 ? " вместе с содержимым" : "")
                    + ": такие теги на выставке запрещены", hintFor(tag));
            return NodeFilter.FilterResult.REMOVE;
        }
        if (!safelist.isSafeTag(tag)) {
            report.warn(el, CODE, "HTML-тег <" + tag + "> не поддерживается и удалён, текст внутри сохранён",
                    "Оформляйте текст средствами Markdown: заголовки #, списки, **жирный**, *курсив*, таблицы.");
            unwrap.add(el);
            return NodeFilter.FilterResult.CONTINUE;
        }
        List<String> removed = new ArrayList<>();
        String first = null;
        for (Attribute attr : new ArrayList<>(el.attributes().asList())) {
            if (generated(tag, attr) || safelist.isSafeAttribute(tag, el, attr)) {
                continue;
            }
            if (first == null) {
                first = attr.getKey();
            }
            removed.add(attr.getKey());
        }
        if (first != null) {
            report.warnAttribute(el, first, CODE, "У HTML-тега <" + tag + "> удалены атрибуты: "
                            + String.join(", ", removed),
                    "Оформление (style), скрипты (on…) и другие такие атрибуты на выставке не сохраняются: "
                            + "вид страниц задаёт тема сайта. Уберите эти атрибуты.");
            removed.forEach(el::removeAttr);
        }
        return NodeFilter.FilterResult.CONTINUE;
    }

    /** Removes paragraphs and links left without any content by the removals above. */
    static void dropEmptyLeftovers(Element root) {
        for (Element el : root.select(PARAGRAPHS_AND_LINKS)) {
            if (el.childNodeSize() == 0 || (el.children().isEmpty() && el.wholeText().isBlank())) {
                el.remove();
            }
        }
    }

    /** Attributes flexmark writes for footnotes, and heading ids (replaced by generated ones later). */
    private static boolean generated(String tag, Attribute attr) {
        String key = attr.getKey();
        String value = attr.getValue();
        if (key.equals("id")) {
            return HEADINGS.contains(tag)
                    || ((tag.equals("sup") || tag.equals("li")) && FOOTNOTE_ID.matcher(value).matches());
        }
        if (key.equals("class")) {
            return (tag.equals("a") && (value.equals("footnote-ref") || value.equals("footnote-backref")))
                    || (tag.equals("div") && value.equals("footnotes"));
        }
        return false;
    }

    private static String hintFor(String tag) {
        return switch (tag) {
            case "script", "noscript", "template" -> "Скрипты на страницах стенда не выполняются. Уберите тег из текста.";
            case "iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "source", "param" ->
                    "Чтобы показать видео, вставьте ссылку на RuTube, VK Видео или YouTube отдельной строкой; "
                            + "другие встраивания не поддерживаются.";
            case "style", "link" -> "Оформление задаёт тема сайта; уберите тег <" + tag + ">.";
            case "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output",
                 "keygen" -> "Формы на выставке не поддерживаются: дайте обычную ссылку на внешнюю форму.";
            case "svg", "math", "canvas", "picture" ->
                    "Сохраните рисунок как JPG или PNG в папку gallery/ и вставьте его так: ![подпись](gallery/имя.jpg).";
            default -> "Уберите тег: страница стенда пишется в Markdown, HTML разрешён только простой.";
        };
    }
}
