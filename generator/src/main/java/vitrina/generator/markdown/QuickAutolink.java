package vitrina.generator.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's autolink extension with a cheap guard in front. The extension runs a regular expression with word
 * boundaries over every text node, which on Cyrillic prose cost about a tenth of a whole build; a text node can only
 * hold a URL, a {@code www.} link or an e-mail address if it contains {@code :}, {@code @} or {@code www}, so
 * the others skip it. Nodes followed by an entity or typographic node (which the extension joins to the text)
 * always go through, so the links found are exactly the extension's.
 */
final class QuickAutolink implements Parser.ParserExtension {

    static QuickAutolink create() {
        return new QuickAutolink();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether the text could hold a link the autolink extension finds. */
    static boolean mayHoldLink(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 2 < n && (text.charAt(i + 1) | 0x20) == 'w'
                    && (text.charAt(i + 2) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor links = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    Node next = node.getNext();
                    if (next instanceof TypographicText || next instanceof HtmlEntity || mayHoldLink(node.getChars())) {
                        links.process(state, node);
                    }
                }
            };
        }
    }
}
