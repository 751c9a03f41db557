package vitrina.generator.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Builds the jsoup tree that flexmark's {@code HtmlRenderer} output would parse into, for the Markdown schools use
 * (headings, paragraphs, emphasis, lists, quotes, code, links, images, rules, tables), straight from flexmark's
 * syntax tree. Rendering HTML with flexmark (its line-formatting appendable handles every piece of text) and parsing
 * it back with jsoup were together a third of a whole build; this builder does both steps' work in one pass. Anything
 * else (raw HTML, footnotes, image URL suffixes, a link inside a link, which the HTML parser would restructure) makes
 * {@link #render} return {@code null} and the page goes through flexmark and jsoup as before, so the two never need
 * to agree on rare constructs.
 *
 * <p>What must match is the tree, including the whitespace text between blocks that flexmark writes and jsoup keeps:
 * {@code FastHtmlTest} compares the resulting HTML, plain text, headings and problems with the flexmark path on the
 * demo content, the golden cases, the benchmark corpus, a catalogue of constructs and random mixtures of them. Where
 * flexmark would mark an element with its source position, the builder records the start offset (the part
 * {@link SourceMap} reads) in {@link Tree#offsets}.
 */
final class FastHtml {
    private final DataHolder options;
    private final ListOptions lists;
    private final HtmlRendererOptions html;
    private final boolean obfuscateEmail;
    private final boolean tableColumnSpans;
    private final String tableClass;

    /** Thrown inside {@link #render} at the first node this builder does not handle; cheap (no stack trace). */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** The page's tree (children of {@code root}) and the Markdown start offset of each element flexmark marks. */
    record Tree(Element root, Map<org.jsoup.nodes.Node, Integer> offsets) {
    }

    FastHtml(DataHolder options) {
        this.options = options;
        this.lists = ListOptions.get(options);
        this.html = new HtmlRendererOptions(options);
        this.obfuscateEmail = HtmlRenderer.OBFUSCATE_EMAIL.get(options);
        this.tableColumnSpans = TablesExtension.COLUMN_SPANS.get(options);
        this.tableClass = TablesExtension.CLASS_NAME.get(options);
        if (html.suppressedLinks != null || !html.softBreak.equals("\n") || !html.hardBreak.equals("<br />\n")) {
            throw new IllegalArgumentException("FastHtml builds what flexmark writes with suppressed links off and "
                    + "the default line breaks");
        }
    }

    /**
     * The tree of {@code document} under {@code root}, or {@code null} when it holds something only flexmark's
     * renderer and jsoup's parser handle (then {@code root} may hold part of the page and must be discarded).
     */
    Tree render(Document document, String markdown, Element root) {
        if (markdown.indexOf('\r') >= 0 || markdown.indexOf('\0') >= 0) {
            return null; // the HTML parser rewrites these: left to it
        }
        Builder b = new Builder(markdown, Parser.REFERENCES.get(document), root);
        try {
            b.children(document);
            b.flush();
        } catch (Unsupported e) {
            return null;
        }
        return new Tree(root, b.offsets);
    }

    private final class Builder {
        final ReferenceRepository references;
        /** The Markdown the document was parsed from: text nodes are ranges of it. */
        final String source;
        final Map<org.jsoup.nodes.Node, Integer> offsets = new IdentityHashMap<>();
        /** Text not yet added: consecutive pieces make one text node, as the parser makes of them. */
        final StringBuilder text = new StringBuilder(256);
        Element current;
        /** The last character flexmark would have written ('>' after a tag, 0 before anything). */
        char last;
        int links;

        Builder(String source, ReferenceRepository references, Element root) {
            this.source = source;
            this.references = references;
            this.current = root;
            text.append('\u0416').setLength(0); // wide from the start: the pages are Cyrillic
        }

        void children(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                node(n);
            }
        }

        void node(Node n) {
            if (n instanceof Text) {
                text(n.getChars());
            } else if (n instanceof Paragraph p) {
                paragraph(p);
            } else if (n instanceof SoftLineBreak) {
                append("\n");
            } else if (n instanceof Heading h) {
                block(new Element("h" + h.getLevel()), h.getText(), h, "");
            } else if (n instanceof StrongEmphasis s) {
                inline("strong", s.getText(), s);
            } else if (n instanceof Emphasis e) {
                inline("em", e.getText(), e);
            } else if (n instanceof TextBase) {
                children(n);
            } else if (n instanceof Link link) {
                link(link.getUrl().unescape(), link.getTitle(), link.getChars(), link);
            } else if (n instanceof AutoLink link) {
                String text = link.getText().toString();
                openLink(text.startsWith("www.") ? html.autolinkWwwPrefix + text : text, null, link.getText());
                append(text);
                closeLink();
            } else if (n instanceof MailLink mail) {
                if (obfuscateEmail) {
                    throw UNSUPPORTED;
                }
                String text = mail.getText().unescape();
                openLink("mailto:" + text, null, mail.getText());
                append(text);
                closeLink();
            } else if (n instanceof HardLineBreak) {
                empty(new Element("br"), BasedSequence.NULL);
                append("\n");
            } else if (n instanceof BulletList) {
                indented(new Element("ul"), BasedSequence.NULL, n);
            } else if (n instanceof OrderedList ol) {
                Element el = new Element("ol");
                int start = ol.getStartNumber();
                if (lists.isOrderedListManualStart() && start != 1) {
                    el.attr("start", String.valueOf(start));
                }
                indented(el, BasedSequence.NULL, n);
            } else if (n instanceof ListItem item) {
                block(new Element("li"), item.getChars(), item, item.getMarkerSuffix().unescape());
            } else if (n instanceof Strikethrough s) {
                inline("del", s.getText(), s);
            } else if (n instanceof Code code) {
                open("code", code.getText());
                append(Escaping.collapseWhitespace(code.getText(), true));
                close();
            } else if (n instanceof HtmlEntity) {
                append(n.getChars().unescape());
            } else if (n instanceof BlockQuote) {
                indented(new Element("blockquote"), BasedSequence.NULL, n);
            } else if (n instanceof ThematicBreak) {
                line();
                empty(new Element("hr"), n.getChars());
                line();
            } else if (n instanceof Image image) {
                if (!image.getUrlContent().isEmpty()) {
                    throw UNSUPPORTED;
                }
                img(image.getUrl().unescape(), image, image.getTitle());
            } else if (n instanceof LinkRef ref) {
                linkRef(ref);
            } else if (n instanceof ImageRef ref) {
                imageRef(ref);
            } else if (n instanceof FencedCodeBlock code) {
                fencedCode(code);
            } else if (n instanceof IndentedCodeBlock code) {
                if (!html.noLanguageClass.isBlank()) {
                    throw UNSUPPORTED;
                }
                line();
                open("pre", code.getChars());
                open("code", code.getContentChars());
                append(code.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
                close();
                close();
                lineIf(html.htmlBlockCloseTagEol);
            } else if (n instanceof TableCell cell) {
                Element el = new Element(cell.isHeader() ? "th" : "td");
                if (cell.getAlignment() != null) {
                    el.attr("align", cell.getAlignment().name().toLowerCase(Locale.ROOT));
                }
                if (tableColumnSpans && cell.getSpan() > 1) {
                    el.attr("colspan", String.valueOf(cell.getSpan()));
                }
                open(el, cell.getText());
                children(cell);
                close();
            } else if (n instanceof TableRow row) {
                block(new Element("tr"), row.getChars().trimStart(), row, "");
            } else if (n instanceof TableBody || n instanceof TableHead) {
                block(new Element(n instanceof TableHead ? "thead" : "tbody"), BasedSequence.NULL, n, "");
            } else if (n instanceof TableBlock table) {
                if (!tableClass.isEmpty()) {
                    throw UNSUPPORTED;
                }
                indented(new Element("table"), table.getChars(), table);
            } else if (n instanceof TableCaption caption) {
                block(new Element("caption"), caption.getChars().trimStart(), caption, "");
            } else if (!(n instanceof Reference || n instanceof TableSeparator)) {
                throw UNSUPPORTED;
            }
        }

        /** A block on its own line: {@code <li>}, {@code <p>}, a heading, a table row (flexmark's tagLine). */
        void block(Element el, BasedSequence source, Node node, String lead) {
            line();
            open(el, source);
            append(lead);
            children(node);
            close();
            line();
        }

        /** A block whose children start on a line of their own: lists, quotes, tables (flexmark's tagIndent). */
        void indented(Element el, BasedSequence source, Node node) {
            line();
            open(el, source);
            line();
            children(node);
            line();
            close();
            line();
        }

        void paragraph(Paragraph p) {
            if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                return;
            }
            if (p.getParent() instanceof ParagraphItemContainer container
                    && container.isParagraphWrappingDisabled(p, lists, options)) {
                children(p);
                return;
            }
            block(new Element("p"), p.getChars(), p, "");
        }

        void inline(String tag, BasedSequence source, Node node) {
            open(tag, source);
            children(node);
            close();
        }

        void link(String href, BasedSequence title, BasedSequence source, Node node) {
            openLink(href, title, source);
            children(node);
            closeLink();
        }

        /** An {@code a} inside an {@code a} is restructured by the HTML parser: such pages are left to it. */
        void openLink(String href, BasedSequence title, BasedSequence source) {
            if (links++ > 0) {
                throw UNSUPPORTED;
            }
            Element a = new Element("a").attr("href", href);
            if (title != null && title.isNotNull()) {
                a.attr("title", title.unescape());
            }
            open(a, source);
        }

        void closeLink() {
            close();
            links--;
        }

        void img(String src, Node node, BasedSequence title) {
            Element img = new Element("img").attr("src", src)
                    .attr("alt", new TextCollectingVisitor().collectAndGetText(node));
            if (title.isNotNull()) {
                img.attr("title", title.unescape());
            }
            empty(img, node.getChars());
        }

        void linkRef(LinkRef ref) {
            Reference reference = ref.isDefined() ? ref.getReferenceNode(references) : null;
            if (reference == null) {
                if (ref.isDefined()) {
                    throw UNSUPPORTED;
                }
                if (!ref.hasChildren()) {
                    append(ref.getChars().unescape());
                } else {
                    append(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                    children(ref);
                    append(ref.getChars().suffixOf(ref.getChildChars()).unescape());
                }
                return;
            }
            link(reference.getUrl().unescape(), reference.getTitle(), ref.getChars(), ref);
        }

        void imageRef(ImageRef ref) {
            Reference reference = ref.isDefined() ? ref.getReferenceNode(references) : null;
            if (reference == null) {
                if (ref.isDefined()) {
                    throw UNSUPPORTED;
                }
                append(ref.getChars().unescape());
                return;
            }
            img(reference.getUrl().unescape(), ref, reference.getTitle());
        }

        void fencedCode(FencedCodeBlock code) {
            line();
            open("pre", code.getChars());
            Element el = new Element("code");
            BasedSequence info = code.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = code.getInfoDelimitedByAny(html.languageDelimiterSet).unescape();
                el.attr("class", html.languageClassMap.getOrDefault(language, html.languageClassPrefix + language));
            } else if (!html.noLanguageClass.isBlank()) {
                el.attr("class", html.noLanguageClass.trim());
            }
            open(el, code.getContentChars());
            append(code.getContentChars().normalizeEOL());
            close();
            close();
            lineIf(html.htmlBlockCloseTagEol);
        }

        void open(String tag, BasedSequence source) {
            open(new Element(tag), source);
        }

        void open(Element el, BasedSequence source) {
            flush();
            current.appendChild(el);
            position(el, source);
            current = el;
            last = '>';
        }

        void close() {
            flush();
            current = current.parent();
            last = '>';
        }

        /** A void element ({@code br}, {@code hr}, {@code img}). */
        void empty(Element el, BasedSequence source) {
            flush();
            current.appendChild(el);
            position(el, source);
            last = '>';
        }

        /** Records the start offset where flexmark would have written a position attribute. */
        void position(Element el, BasedSequence source) {
            if (source.isNotNull()) {
                offsets.put(el, source.trimEOL().getStartOffset());
            }
        }

        /**
         * Text as flexmark writes it: backslash escapes and entities resolved, line ends normalised. A text node is
         * a range of the source, copied from there when it needs no unescaping (flexmark's {@code toString} of a
         * range copied it char by char into a narrow builder that then widened at the first Cyrillic letter).
         */
        void text(BasedSequence chars) {
            int start = chars.getStartOffset();
            int end = chars.getEndOffset();
            if (chars.getBase() == source && end - start == chars.length()) {
                boolean plain = true;
                for (int i = start; i < end && plain; i++) {
                    char c = source.charAt(i);
                    plain = c != '\\' && c != '&';
                }
                if (plain) {
                    if (end > start) {
                        text.append(source, start, end);
                        last = source.charAt(end - 1);
                    }
                    return;
                }
            }
            append(Escaping.normalizeEOL(chars.unescape()));
        }

        void append(CharSequence s) {
            int n = s.length();
            if (n > 0) {
                text.append(s);
                last = s.charAt(n - 1);
            }
        }

        void flush() {
            if (text.length() > 0) {
                current.appendChild(new TextNode(text.toString()));
                text.setLength(0);
            }
        }

        void line() {
            if (last != 0 && last != '\n') {
                append("\n");
            }
        }

        void lineIf(boolean condition) {
            if (condition) {
                line();
            }
        }
    }
}
