package vitrina.generator.markdown;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Writes a sanitized page tree as jsoup writes it without pretty-printing (HTML syntax, base entities, UTF-8), but
 * straight into one builder: jsoup escapes each character through a wrapper appendable, which was a fifteenth of a
 * build's CPU. What this writer is unsure of (characters jsoup encodes as numeric references, lone surrogates,
 * attribute names jsoup would rewrite, elements outside the HTML namespace) makes {@link #html} return {@code null}
 * and jsoup writes the page; {@code HtmlOutTest} checks both give the same text.
 */
final class HtmlOut {
    private final StringBuilder out;

    /** Thrown at the first thing only jsoup writes; cheap (no stack trace). */
    private static final class Declined extends RuntimeException {
        Declined() {
            super(null, null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    private HtmlOut(int sizeHint) {
        out = new StringBuilder(sizeHint + sizeHint / 4 + 64);
        out.append('\u0416').setLength(0); // wide from the start: the pages are Cyrillic
    }

    /** The HTML of {@code root}'s children, or {@code null} when jsoup must write it. */
    static String html(Element root, int sizeHint) {
        HtmlOut w = new HtmlOut(sizeHint);
        try {
            w.children(root);
        } catch (Declined e) {
            return null;
        }
        return w.out.toString();
    }

    private void children(Element parent) {
        for (Node n = parent.firstChild(); n != null; n = n.nextSibling()) {
            if (n.getClass() == TextNode.class) {
                escape(((TextNode) n).getWholeText(), false);
            } else if (n instanceof Element el) {
                element(el);
            } else {
                out.append(n.outerHtml()); // comments and data nodes: jsoup writes them verbatim
            }
        }
    }

    private void element(Element el) {
        if (!Parser.NamespaceHtml.equals(el.tag().namespace())) {
            throw DECLINED;
        }
        String name = el.tagName();
        out.append('<').append(name);
        for (Attribute a : el.attributes()) {
            String key = a.getKey();
            if (!validKey(key)) {
                throw DECLINED;
            }
            out.append(' ').append(key);
            String value = a.hasDeclaredValue() ? a.getValue() : null;
            boolean collapse = value == null
                    || (value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key);
            if (!collapse) {
                out.append("=\"");
                escape(value, true);
                out.append('"');
            }
        }
        if (el.childNodeSize() == 0) {
            if (el.tag().isEmpty()) {
                out.append('>');
            } else {
                out.append("></").append(name).append('>');
            }
            return;
        }
        out.append('>');
        children(el);
        out.append("</").append(name).append('>');
    }

    /** Attribute names jsoup writes unchanged in HTML syntax. */
    private static boolean validKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c >= 0x7f && c <= 0x9f || c == '"' || c == '\'' || c == '/' || c == '=') {
                return false;
            }
        }
        return true;
    }

    private void escape(String s, boolean attribute) {
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String entity;
            if (c > '>') {
                if (c < '\uD800') {
                    if (c != '\u00a0') {
                        continue; // letters: nothing to escape
                    }
                    entity = "&nbsp;";
                } else if (c <= '\uDFFF') {
                    // a pair is written as it is, unless jsoup's per-char check sees a surrogate in the low half
                    if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isSurrogate((char) Character.toCodePoint(c, s.charAt(i + 1)))) {
                        throw DECLINED;
                    }
                    i++;
                    continue;
                } else {
                    continue;
                }
            } else if (c == '&') {
                entity = "&amp;";
            } else if (c == '<') {
                entity = "&lt;";
            } else if (c == '>') {
                entity = "&gt;";
            } else if (c == '"' && attribute) {
                entity = "&quot;";
            } else if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw DECLINED; // control characters: jsoup writes numeric references
            } else {
                continue;
            }
            out.append(s, from, i).append(entity);
            from = i + 1;
        }
        out.append(s, from, n);
    }
}
