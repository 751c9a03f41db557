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

    /** @param sizeHint about the length of the page's HTML (the text is shorter): the buffer is sized once */
    static String of(Element root, int sizeHint) {
        Collapsed out = new Collapsed(sizeHint);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element el) {
                    if (el.hasClass("footnote-backref")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (el.isBlock() || el.normalName().equals("br")) {
                        out.space();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && (el.isBlock() || el.normalName().equals("td")
                        || el.normalName().equals("th"))) {
                    out.space();
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out.toString();
    }

    /** Whitespace as {@link Character#isWhitespace} sees it, plus the no-break space; letters decided in two tests. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || Character.isWhitespace(c);
        }
        // below U+1680 (Ogham space mark) the only other space is U+00A0, which isWhitespace leaves out
        return c == '\u00a0' || c >= '\u1680' && Character.isWhitespace(c);
    }

    /** Text appended with its whitespace collapsed as it comes, into one array sized up front. */
    private static final class Collapsed {
        private char[] buf;
        private int n;
        private boolean space;

        Collapsed(int sizeHint) {
            buf = new char[Math.max(16, sizeHint)];
        }

        void space() {
            space = n > 0;
        }

        void append(String s) {
            int len = s.length();
            if (n + len + 1 > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + len + 1));
            }
            char[] b = buf;
            int k = n;
            boolean sp = space;
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    sp = k > 0;
                } else {
                    if (sp) {
                        b[k++] = ' ';
                        sp = false;
                    }
                    b[k++] = c;
                }
            }
            n = k;
            space = sp;
        }

        @Override
        public String toString() {
            return new String(buf, 0, n);
        }
    }
}
