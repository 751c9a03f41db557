package vitrina.generator.markdown;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** The visible text of sanitized HTML, whitespace-collapsed, for search and summaries. */
final class PlainText {
    private PlainText() {
    }

    static String of(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (node instanceof Element el) {
                    if (el.hasClass("footnote-backref")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (el.isBlock() || el.normalName().equals("br")) {
                        sb.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && (el.isBlock() || el.normalName().equals("td")
                        || el.normalName().equals("th"))) {
                    sb.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return collapse(sb);
    }

    /** Whitespace runs become one space, none at either end (over a char array: charAt showed in profiles). */
    static String collapse(CharSequence s) {
        char[] in = s.toString().toCharArray();
        char[] out = new char[in.length];
        int n = 0;
        boolean space = false;
        for (char c : in) {
            if (c == ' ' || c == '\n' || c == '\u00a0' || Character.isWhitespace(c)) {
                space = n > 0;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }
}
