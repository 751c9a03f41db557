package vitrina.generator.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.problem.Problem;

/**
 * Renders Markdown to sanitized HTML. Thread-safe: one instance serves all stands on all cores.
 *
 * <p>The stages of one page, in order: flexmark parses the Markdown; {@link FastHtml} builds the HTML tree from it, or
 * (for raw HTML, footnotes and other rare constructs) flexmark renders HTML, leaving raw HTML verbatim but marked with
 * its source offset, jsoup parses that HTML once (tracking positions) and {@link SourceMap} reads the marks;
 * {@link HtmlSanitizer} removes what the allow-list does not keep; {@link LinkRewriter} checks and resolves links and
 * images; {@link VideoEmbeds} turns lone video links into click-to-load embeds; {@link HeadingIds} names
 * the headings; the tree is serialized and its {@link PlainText} extracted.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;
    /** Builds the tree of common pages; {@code null} in tests that compare it with flexmark and jsoup. */
    private final FastHtml fast;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final LinkRewriter rewriter = new LinkRewriter();
    private final VideoEmbeds videos = new VideoEmbeds();

    public MarkdownRenderer() {
        this(true);
    }

    /**
     * @param fastHtml whether pages go through {@link FastHtml} and {@link HtmlOut} (false: always flexmark's renderer
     *                 and jsoup's writer, which tests compare them with)
     */
    MarkdownRenderer(boolean fastHtml) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                QuickAutolink.create(), StrikethroughExtension.create(), new RawHtmlMarkers()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // schools name files with spaces: [План](files/План работы.pdf)
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        options.set(HtmlRenderer.SOURCE_POSITION_ATTRIBUTE, RawHtmlMarkers.POSITION_ATTRIBUTE);
        // every link goes through LinkRewriter, which reports what it removes; flexmark must not drop any silently
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        // jsoup re-serializes the HTML anyway: flexmark's line formatting (per-character whitespace handling) is
        // skipped, which made its HTML writing about twice as fast
        options.set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
        fast = fastHtml ? new FastHtml(options.toImmutable()) : null;
    }

    /**
     * @param markdown the body without front matter
     * @param file     content-relative path for problems
     * @param bodyLine line of the file where the body starts (so problem lines match the file)
     * @param links    resolves relative links and images
     * @param problems receives broken links, removed HTML and other warnings
     */
    public RenderedMarkdown render(String markdown, String file, int bodyLine, LinkResolver links,
                                   Consumer<Problem> problems) {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(problems, "problems");
        if (bodyLine < 1) {
            throw new IllegalArgumentException("bodyLine must be 1 or more: " + bodyLine);
        }
        com.vladsch.flexmark.util.ast.Document document = parser.parse(markdown);
        FastHtml.Tree tree = fast == null ? null : fast.render(document, markdown, newRoot());
        Element root;
        SourceMap sources;
        if (tree != null) {
            root = tree.root();
            sources = SourceMap.of(markdown, tree.offsets());
        } else {
            root = parseFragment(renderer.render(document));
            sources = SourceMap.collect(markdown, root);
        }
        PageReport report = new PageReport(file, bodyLine, problems, sources);
        sanitizer.clean(root, report);
        rewriter.rewrite(root, links, report);
        HtmlSanitizer.dropEmptyLeftovers(root);
        videos.embed(root);
        FootnoteOrder.renumber(root);
        List<RenderedMarkdown.Heading> headings = HeadingIds.assign(root);
        return new RenderedMarkdown(html(root, markdown.length()), PlainText.of(root, markdown.length()), headings);
    }

    /** Whether {@link FastHtml} writes this page's HTML (tests). */
    boolean fastWrites(String markdown) {
        return fast != null && fast.render(parser.parse(markdown), markdown, newRoot()) != null;
    }

    /** The tree's HTML, stripped: by {@link HtmlOut}, or by jsoup when it declines (or in tests comparing the two). */
    private String html(Element root, int sizeHint) {
        String html = fast == null ? null : HtmlOut.html(root, sizeHint);
        return (html == null ? root.html() : html).strip();
    }

    /** One jsoup parse per page; the parser is created per call because jsoup parsers are not thread-safe. */
    private static Element parseFragment(String html) {
        org.jsoup.parser.Parser jsoup = org.jsoup.parser.Parser.htmlParser().setTrackPosition(true);
        Element root = newRoot();
        List<Node> nodes = jsoup.parseFragmentInput(html, new Element("body"), "");
        root.appendChildren(nodes);
        return root;
    }

    /** The element a page's tree hangs from, in a document with the output settings of the site's pages. */
    private static Element newRoot() {
        Document holder = new Document("");
        holder.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return holder.appendElement("div");
    }
}
