package vitrina.generator.markdown;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.select.NodeTraversor;

/**
 * Maps nodes of the parsed HTML back to lines of the Markdown body. Flexmark-generated elements carry their
 * Markdown offsets in {@link RawHtmlMarkers#POSITION_ATTRIBUTE}; raw HTML follows a marker comment with the offset
 * where it starts, and lines inside it are counted from there. {@link #collect} strips both kinds of marks.
 */
final class SourceMap {
    private final int[] lineStarts;
    private final Map<Node, Integer> generated = new IdentityHashMap<>();
    /** HTML source offset of a mark → the mark. */
    private final TreeMap<Integer, Mark> marks = new TreeMap<>();

    private record Mark(int markdownLine, int htmlLine, boolean raw) {
    }

    private SourceMap(String markdown) {
        int count = 1;
        for (int i = 0; i < markdown.length(); i++) {
            if (markdown.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < markdown.length(); i++) {
            if (markdown.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** The map of a tree built by {@link FastHtml}: element → Markdown start offset, no raw HTML. */
    static SourceMap of(String markdown, Map<Node, Integer> offsets) {
        SourceMap map = new SourceMap(markdown);
        for (Map.Entry<Node, Integer> e : offsets.entrySet()) {
            map.generated.put(e.getKey(), map.markdownLine(e.getValue()));
        }
        return map;
    }

    /** Reads and removes the position marks of {@code root}'s subtree. */
    static SourceMap collect(String markdown, Element root) {
        SourceMap map = new SourceMap(markdown);
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment c && c.getData().startsWith(RawHtmlMarkers.MARKER_PREFIX)) {
                    Integer offset = parseOffset(c.getData().substring(RawHtmlMarkers.MARKER_PREFIX.length()));
                    Range range = c.sourceRange();
                    if (offset != null && range.isTracked()) {
                        map.marks.put(range.startPos(),
                                new Mark(map.markdownLine(offset), range.start().lineNumber(), true));
                    }
                    return FilterResult.REMOVE;
                }
                if (node instanceof Element el && el.hasAttr(RawHtmlMarkers.POSITION_ATTRIBUTE)) {
                    String pos = el.attr(RawHtmlMarkers.POSITION_ATTRIBUTE);
                    el.removeAttr(RawHtmlMarkers.POSITION_ATTRIBUTE);
                    int dash = pos.indexOf('-');
                    Integer offset = parseOffset(dash > 0 ? pos.substring(0, dash) : pos);
                    if (offset != null) {
                        int line = map.markdownLine(offset);
                        map.generated.put(el, line);
                        Range range = el.sourceRange();
                        if (range.isTracked()) {
                            map.marks.put(range.startPos(), new Mark(line, range.start().lineNumber(), false));
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return map;
    }

    /** The 1-based line of the Markdown body where {@code node} was written, or 1 when unknown. */
    int lineOf(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            Integer line = generated.get(n);
            if (line != null) {
                return line;
            }
            Range range = n.sourceRange();
            if (range.isTracked()) {
                return lineAt(range.start());
            }
        }
        return 1;
    }

    /** The line of an attribute of a raw HTML element (tags may span lines); falls back to the element's line. */
    int lineOf(Element el, String attribute) {
        if (!generated.containsKey(el)) {
            Range.AttributeRange range = el.attributes().sourceRange(attribute);
            if (range.nameRange().isTracked()) {
                return lineAt(range.nameRange().start());
            }
        }
        return lineOf(el);
    }

    private int lineAt(Range.Position position) {
        Map.Entry<Integer, Mark> entry = marks.floorEntry(position.pos());
        if (entry == null) {
            return 1;
        }
        Mark mark = entry.getValue();
        return mark.raw() ? mark.markdownLine() + Math.max(0, position.lineNumber() - mark.htmlLine())
                : mark.markdownLine();
    }

    int markdownLine(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static Integer parseOffset(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(digits);
    }
}
