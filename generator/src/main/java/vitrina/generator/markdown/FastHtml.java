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
import java.util.Locale;

/**
 * Writes the HTML that flexmark's {@code HtmlRenderer} writes for the Markdown schools use (headings, paragraphs,
 * emphasis, lists, quotes, code, links, images, rules, tables), in one pass into one builder. flexmark's renderer goes
 * through its line-formatting appendable for every piece of text and was a fifth of a whole build; this writer is
 * several times faster. Anything else (raw HTML, footnotes, image URL suffixes) makes {@link #render} return
 * {@code null} and the page goes through flexmark's renderer, so the two never need to agree on rare constructs.
 *
 * <p>The HTML is parsed by jsoup next: what must match flexmark is the tree jsoup builds, which the test
 * {@code FastHtmlTest} checks on the demo content, the benchmark corpus and a catalogue of constructs. Position
 * attributes carry only the start offset, the one part {@link SourceMap} reads.
 */
final class FastHtml {
    private final DataHolder options;
    private final ListOptions lists;
    private final HtmlRendererOptions html;
    private final boolean obfuscateEmail;
    private final boolean tableColumnSpans;
    private final String tableClass;

    /** Thrown inside {@link #render} at the first node this writer does not handle; cheap (no stack trace). */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    FastHtml(DataHolder options) {
        this.options = options;
        this.lists = ListOptions.get(options);
        this.html = new HtmlRendererOptions(options);
        this.obfuscateEmail = HtmlRenderer.OBFUSCATE_EMAIL.get(options);
        this.tableColumnSpans = TablesExtension.COLUMN_SPANS.get(options);
        this.tableClass = TablesExtension.CLASS_NAME.get(options);
        if (html.suppressedLinks != null) {
            throw new IllegalArgumentException("FastHtml writes every link: suppressed links must be off");
        }
    }

    /** The HTML of {@code document}, or {@code null} when it holds something only flexmark's renderer writes. */
    String render(Document document, int sizeHint) {
        Writer w = new Writer(sizeHint, Parser.REFERENCES.get(document));
        try {
            w.children(document);
        } catch (Unsupported e) {
            return null;
        }
        return w.out.toString();
    }

    private final class Writer {
        final StringBuilder out;
        final ReferenceRepository references;

        Writer(int sizeHint, ReferenceRepository references) {
            out = new StringBuilder(sizeHint + sizeHint / 4 + 64);
            out.append('\u0416').setLength(0); // wide from the start: the pages are Cyrillic
            this.references = references;
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
                out.append(html.softBreak);
            } else if (n instanceof Heading h) {
                line();
                open("h" + h.getLevel(), h.getText());
                children(h);
                out.append("</h").append(h.getLevel()).append('>');
                line();
            } else if (n instanceof StrongEmphasis s) {
                inline("strong", s.getText(), s);
            } else if (n instanceof Emphasis e) {
                inline("em", e.getText(), e);
            } else if (n instanceof TextBase) {
                children(n);
            } else if (n instanceof Link link) {
                link(link);
            } else if (n instanceof AutoLink link) {
                autoLink(link);
            } else if (n instanceof MailLink mail) {
                mailLink(mail);
            } else if (n instanceof HardLineBreak) {
                out.append(html.hardBreak);
            } else if (n instanceof BulletList) {
                list("ul", n, null);
            } else if (n instanceof OrderedList ol) {
                int start = ol.getStartNumber();
                list("ol", n, lists.isOrderedListManualStart() && start != 1 ? String.valueOf(start) : null);
            } else if (n instanceof ListItem item) {
                listItem(item);
            } else if (n instanceof Strikethrough s) {
                inline("del", s.getText(), s);
            } else if (n instanceof Code code) {
                out.append("<code");
                position(code.getText());
                out.append('>');
                escaped(Escaping.collapseWhitespace(code.getText(), true));
                out.append("</code>");
            } else if (n instanceof HtmlEntity) {
                escaped(n.getChars().unescape());
            } else if (n instanceof BlockQuote) {
                line();
                out.append("<blockquote>");
                line();
                children(n);
                line();
                out.append("</blockquote>");
                line();
            } else if (n instanceof ThematicBreak) {
                line();
                out.append("<hr");
                position(n.getChars());
                out.append(" />");
                line();
            } else if (n instanceof Image image) {
                image(image);
            } else if (n instanceof LinkRef ref) {
                linkRef(ref);
            } else if (n instanceof ImageRef ref) {
                imageRef(ref);
            } else if (n instanceof FencedCodeBlock code) {
                fencedCode(code);
            } else if (n instanceof IndentedCodeBlock code) {
                line();
                out.append("<pre");
                position(code.getChars());
                out.append('>');
                if (!html.noLanguageClass.isBlank()) {
                    throw UNSUPPORTED;
                }
                out.append("<code");
                position(code.getContentChars());
                out.append('>');
                escaped(code.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
                out.append("</code></pre>");
                lineIf(html.htmlBlockCloseTagEol);
            } else if (n instanceof TableCell cell) {
                String tag = cell.isHeader() ? "th" : "td";
                out.append('<').append(tag);
                if (cell.getAlignment() != null) {
                    out.append(" align=\"").append(cell.getAlignment().name().toLowerCase(Locale.ROOT)).append('"');
                }
                if (tableColumnSpans && cell.getSpan() > 1) {
                    out.append(" colspan=\"").append(cell.getSpan()).append('"');
                }
                position(cell.getText());
                out.append('>');
                children(cell);
                out.append("</").append(tag).append('>');
            } else if (n instanceof TableRow row) {
                tableLine("tr", row, row.getChars().trimStart());
            } else if (n instanceof TableBody || n instanceof TableHead) {
                tableLine(n instanceof TableHead ? "thead" : "tbody", n, null);
            } else if (n instanceof TableBlock table) {
                if (!tableClass.isEmpty()) {
                    throw UNSUPPORTED;
                }
                line();
                open("table", table.getChars());
                line();
                children(table);
                line();
                out.append("</table>");
                line();
            } else if (n instanceof TableCaption caption) {
                tableLine("caption", caption, caption.getChars().trimStart());
            } else if (!(n instanceof Reference || n instanceof TableSeparator)) {
                throw UNSUPPORTED;
            }
        }

        void tableLine(String tag, Node node, BasedSequence source) {
            line();
            out.append('<').append(tag);
            if (source != null) {
                position(source);
            }
            out.append('>');
            children(node);
            out.append("</").append(tag).append('>');
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
            line();
            open("p", p.getChars());
            children(p);
            out.append("</p>");
            line();
        }

        void inline(String tag, BasedSequence text, Node node) {
            open(tag, text);
            children(node);
            out.append("</").append(tag).append('>');
        }

        void list(String tag, Node list, String start) {
            line();
            out.append('<').append(tag);
            if (start != null) {
                out.append(" start=\"").append(start).append('"');
            }
            out.append('>');
            line();
            children(list);
            line();
            out.append("</").append(tag).append('>');
            line();
        }

        void listItem(ListItem item) {
            line();
            open("li", item.getChars());
            escaped(item.getMarkerSuffix().unescape());
            children(item);
            out.append("</li>");
            line();
        }

        void link(Link link) {
            out.append("<a href=\"");
            escaped(link.getUrl().unescape());
            out.append('"');
            if (link.getTitle().isNotNull()) {
                attribute("title", link.getTitle().unescape());
            }
            position(link.getChars());
            out.append('>');
            children(link);
            out.append("</a>");
        }

        void autoLink(AutoLink link) {
            String text = link.getText().toString();
            out.append("<a href=\"");
            escaped(text.startsWith("www.") ? html.autolinkWwwPrefix + text : text);
            out.append('"');
            position(link.getText());
            out.append('>');
            escaped(text);
            out.append("</a>");
        }

        void mailLink(MailLink mail) {
            if (obfuscateEmail) {
                throw UNSUPPORTED;
            }
            String text = mail.getText().unescape();
            out.append("<a href=\"mailto:");
            escaped(text);
            out.append('"');
            position(mail.getText());
            out.append('>');
            escaped(text);
            out.append("</a>");
        }

        void image(Image image) {
            if (!image.getUrlContent().isEmpty()) {
                throw UNSUPPORTED;
            }
            img(image.getUrl().unescape(), image, image.getTitle());
        }

        void img(String src, Node node, BasedSequence title) {
            out.append("<img src=\"");
            escaped(src);
            out.append('"');
            attribute("alt", new TextCollectingVisitor().collectAndGetText(node));
            if (title.isNotNull()) {
                attribute("title", title.unescape());
            }
            position(node.getChars());
            out.append(" />");
        }

        void linkRef(LinkRef ref) {
            Reference reference = ref.isDefined() ? ref.getReferenceNode(references) : null;
            if (reference == null) {
                if (ref.isDefined()) {
                    throw UNSUPPORTED;
                }
                if (!ref.hasChildren()) {
                    escaped(ref.getChars().unescape());
                } else {
                    escaped(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                    children(ref);
                    escaped(ref.getChars().suffixOf(ref.getChildChars()).unescape());
                }
                return;
            }
            out.append("<a href=\"");
            escaped(reference.getUrl().unescape());
            out.append('"');
            if (reference.getTitle().isNotNull()) {
                attribute("title", reference.getTitle().unescape());
            }
            position(ref.getChars());
            out.append('>');
            children(ref);
            out.append("</a>");
        }

        void imageRef(ImageRef ref) {
            Reference reference = ref.isDefined() ? ref.getReferenceNode(references) : null;
            if (reference == null) {
                if (ref.isDefined()) {
                    throw UNSUPPORTED;
                }
                escaped(ref.getChars().unescape());
                return;
            }
            img(reference.getUrl().unescape(), ref, reference.getTitle());
        }

        void fencedCode(FencedCodeBlock code) {
            line();
            out.append("<pre");
            position(code.getChars());
            out.append("><code");
            BasedSequence info = code.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = code.getInfoDelimitedByAny(html.languageDelimiterSet).unescape();
                attribute("class", html.languageClassMap.getOrDefault(language, html.languageClassPrefix + language));
            } else if (!html.noLanguageClass.isBlank()) {
                attribute("class", html.noLanguageClass.trim());
            }
            position(code.getContentChars());
            out.append('>');
            escaped(code.getContentChars().normalizeEOL());
            out.append("</code></pre>");
            lineIf(html.htmlBlockCloseTagEol);
        }

        void open(String tag, BasedSequence source) {
            out.append('<').append(tag);
            position(source);
            out.append('>');
        }

        /** The start offset of {@code source}, the part of flexmark's position attribute {@link SourceMap} reads. */
        void position(BasedSequence source) {
            if (source.isNotNull()) {
                out.append(' ').append(RawHtmlMarkers.POSITION_ATTRIBUTE).append("=\"")
                        .append(source.trimEOL().getStartOffset()).append('"');
            }
        }

        void attribute(String name, CharSequence value) {
            out.append(' ').append(name).append("=\"");
            escaped(value);
            out.append('"');
        }

        /** Text as flexmark writes it: backslash escapes and entities resolved, line ends normalised, escaped. */
        void text(BasedSequence chars) {
            String s = chars.toString();
            if (s.indexOf('\\') >= 0 || s.indexOf('&') >= 0 || s.indexOf('\r') >= 0) {
                s = Escaping.normalizeEOL(chars.unescape());
            }
            escaped(s);
        }

        void escaped(CharSequence value) {
            String s = value.toString();
            int n = s.length();
            int from = 0;
            for (int i = 0; i < n; i++) {
                String entity;
                switch (s.charAt(i)) {
                    case '&' -> entity = "&amp;";
                    case '<' -> entity = "&lt;";
                    case '>' -> entity = "&gt;";
                    case '"' -> entity = "&quot;";
                    default -> {
                        continue;
                    }
                }
                out.append(s, from, i).append(entity);
                from = i + 1;
            }
            out.append(s, from, n);
        }

        void line() {
            int len = out.length();
            if (len > 0 && out.charAt(len - 1) != '\n') {
                out.append('\n');
            }
        }

        void lineIf(boolean condition) {
            if (condition) {
                line();
            }
        }
    }
}
