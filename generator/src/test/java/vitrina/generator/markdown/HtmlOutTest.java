package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** {@link HtmlOut} writes what jsoup writes, or declines; never something else. */
class HtmlOutTest {
    private static final List<String> FRAGMENTS = List.of(
            "<p>Текст &amp; ещё &lt;тег&gt; \"кавычки\" 'апостроф' a\u00a0b</p>",
            "<a href=\"/x?a=1&amp;b=&quot;2&quot;\" title=\"&lt;&gt;'\u00a0\">ссылка</a>",
            "<img src=\"a.jpg\" alt=\"\"><br><hr><input type=\"checkbox\" checked disabled=\"disabled\" value=\"\">",
            "<iframe allowfullscreen=\"\" src=\"https://rutube.ru/play/embed/1\"></iframe><p></p><div></div>",
            "<pre><code>  отступы\n\tтабуляция\r\n</code></pre>",
            "<!-- комментарий --><span data-x=\"1\">x</span>",
            "<script>if (a < b && c) {}</script><style>p > a { color: red }</style>",
            "<p>эмодзи 😀 и \uD83C\uDF89</p>",
            "<p>управляющий \u0001 символ</p>",
            "<p>одинокий \uD800 суррогат</p>",
            "<svg><circle r=\"1\"></circle></svg>",
            "<table><tbody><tr><td align=\"left\">1</td></tr></tbody></table>",
            "<details open><summary>итоги</summary>текст</details>");

    @Test
    void writesWhatJsoupWritesOrDeclines() {
        int written = 0;
        for (String html : FRAGMENTS) {
            written += check(html) ? 1 : 0;
        }
        assertEquals(FRAGMENTS.size() - 3, written, "declined: control character, lone surrogate, SVG only");
    }

    @Test
    void declinesWhatOnlyJsoupWrites() {
        assertNull(HtmlOut.html(tree("<p>\u0001</p>"), 16));
        assertNull(HtmlOut.html(tree("<p>\uDC00</p>"), 16));
        assertNull(HtmlOut.html(tree("<svg></svg>"), 16));
        assertNotNull(HtmlOut.html(tree("<p>😀</p>"), 16));
    }

    @Test
    void randomMixturesAgree() {
        Random random = new Random(11);
        String alphabet = "аб &<>\"'\u00a0\n\t😀xyz=/";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(4); k >= 0; k--) {
                sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                for (int c = random.nextInt(12); c > 0; c--) {
                    int at = random.nextInt(alphabet.length());
                    sb.append(Character.isSurrogate(alphabet.charAt(at)) ? "😀" : alphabet.charAt(at));
                }
            }
            check(sb.toString());
        }
    }

    private static boolean check(String html) {
        Element root = tree(html);
        String jsoup = root.html(new StringBuilder()).toString();
        String ours = HtmlOut.html(root, html.length());
        if (ours != null) {
            assertEquals(jsoup, ours, () -> "HTML of " + html);
        }
        return ours != null;
    }

    /** A tree as MarkdownRenderer makes it: parsed with positions tracked, in a holder with the same settings. */
    private static Element tree(String html) {
        Document holder = new Document("");
        holder.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        Element root = holder.appendElement("div");
        root.appendChildren(Parser.htmlParser().setTrackPosition(true).parseFragmentInput(html, new Element("body"), ""));
        return root;
    }
}
