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

    private static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
