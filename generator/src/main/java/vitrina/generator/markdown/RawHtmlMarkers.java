package vitrina.generator.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders raw HTML written in Markdown verbatim, but preceded by a marker comment carrying the Markdown offset
 * where the raw HTML starts, so the sanitizer can report removed tags with the line the author wrote them on.
 * Markers and source-position attributes that an author might type are neutralised first, so they cannot be forged.
 */
final class RawHtmlMarkers implements HtmlRenderer.HtmlRendererExtension {
    /** Attribute flexmark puts on generated elements: {@code start-end} offsets into the Markdown. */
    static final String POSITION_ATTRIBUTE = "data-vitrina-pos";
    /** Comment data before each raw HTML chunk: {@code vitrina-src:OFFSET}. */
    static final String MARKER_PREFIX = "vitrina-src:";

    private static final Pattern FORGERY = Pattern.compile("vitrina-", Pattern.CASE_INSENSITIVE);

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // nothing to configure
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    static String neutralise(CharSequence raw) {
        return FORGERY.matcher(raw).replaceAll("vitrina_");
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(HtmlBlock.class, this::block),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, this::block),
                    new NodeRenderingHandler<>(HtmlInnerBlock.class, this::block),
                    new NodeRenderingHandler<>(HtmlInnerBlockComment.class, this::block),
                    new NodeRenderingHandler<>(HtmlInline.class, this::inline),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, this::inline));
        }

        private void block(Node node, NodeRendererContext context, HtmlWriter html) {
            if (node.hasChildren()) {
                context.renderChildren(node);
                return;
            }
            html.line();
            CharSequence content = node instanceof HtmlBlock block ? block.getContentChars() : node.getChars();
            html.raw(marker(node));
            html.rawPre(neutralise(content.toString().replace("\r\n", "\n").replace('\r', '\n')));
            html.line();
        }

        private void inline(Node node, NodeRendererContext context, HtmlWriter html) {
            html.raw(marker(node));
            html.rawPre(neutralise(node.getChars().normalizeEOL()));
        }

        private static String marker(Node node) {
            return "<!--" + MARKER_PREFIX + node.getStartOffset() + "-->";
        }
    }
}
