package vitrina.generator.markdown;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Checks every link and image URL against {@link LinkTarget}'s allow-list and rewrites relative ones through the
 * stand's {@link LinkResolver}: broken and unsafe links become plain text, stand photos become responsive images,
 * external images become links (the site never loads third-party content). Stateless and thread-safe.
 */
final class LinkRewriter {
    /** Selectors parsed once (evaluators are thread-safe); parsing them per page showed in profiles. */
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator CITES = QueryParser.parse("blockquote[cite], q[cite]");
    static final String EXTERNAL_REL = "noopener nofollow ugc";
    static final String SIZES = "(max-width: 800px) 100vw, 800px";

    void rewrite(Element root, LinkResolver links, PageReport report) {
        for (Element img : root.select(IMAGES)) {
            image(img, links, report);
        }
        for (Element a : root.select(LINKS)) {
            link(a, links, report);
        }
        for (Element quote : root.select(CITES)) {
            if (LinkTarget.classify(quote.attr("cite")).kind() != LinkTarget.Kind.EXTERNAL) {
                quote.removeAttr("cite");
            }
        }
    }

    private void link(Element a, LinkResolver links, PageReport report) {
        String raw = a.attr("href");
        LinkTarget target = LinkTarget.classify(raw);
        switch (target.kind()) {
            case FRAGMENT, SITE, CONTACT -> a.attr("href", target.url());
            case EXTERNAL -> a.attr("href", target.url()).attr("rel", EXTERNAL_REL);
            case RELATIVE -> {
                Optional<String> url = links.link(target.path());
                if (url.isPresent()) {
                    a.attr("href", url.get() + target.fragment());
                } else {
                    broken(a, raw, target, report);
                }
            }
            case OUTSIDE, LOCAL_FILE -> broken(a, raw, target, report);
            case UNSAFE -> {
                report.warnAttribute(a, "href", Messages.UNSAFE_CODE, Messages.unsafeLink(raw), Messages.UNSAFE_HINT);
                a.unwrap();
            }
        }
    }

    private static void broken(Element a, String raw, LinkTarget target, PageReport report) {
        report.warnAttribute(a, "href", "markdown.link.broken", Messages.brokenLink(raw, target),
                Messages.brokenLinkHint(target));
        a.unwrap();
    }

    private void image(Element img, LinkResolver links, PageReport report) {
        String raw = img.attr("src");
        LinkTarget target = LinkTarget.classify(raw);
        switch (target.kind()) {
            case RELATIVE -> {
                Optional<LinkResolver.ImageRef> ref = links.image(target.path());
                if (ref.isPresent()) {
                    responsive(img, ref.get());
                } else {
                    report.warnAttribute(img, "src", "markdown.image.broken", Messages.brokenImage(raw),
                            Messages.brokenImageHint(target));
                    replaceWithAlt(img);
                }
            }
            case SITE -> img.attr("src", target.url()).attr("loading", "lazy").attr("decoding", "async");
            case EXTERNAL -> {
                report.warnAttribute(img, "src", "markdown.image.external", Messages.externalImage(target.url()),
                        Messages.EXTERNAL_IMAGE_HINT);
                if (img.closest("a") == null) {
                    String alt = img.attr("alt").strip();
                    Element link = new Element("a").attr("href", target.url()).attr("rel", EXTERNAL_REL)
                            .text(alt.isEmpty() ? "Изображение на внешнем сайте" : alt);
                    img.replaceWith(link);
                } else {
                    replaceWithAlt(img);
                }
            }
            case UNSAFE -> {
                report.warnAttribute(img, "src", Messages.UNSAFE_CODE, Messages.unsafeImage(raw), Messages.UNSAFE_HINT);
                img.remove();
            }
            case FRAGMENT, CONTACT, OUTSIDE, LOCAL_FILE -> {
                report.warnAttribute(img, "src", "markdown.image.broken", Messages.brokenImage(raw),
                        Messages.brokenImageHint(target));
                replaceWithAlt(img);
            }
        }
    }

    private static void responsive(Element img, LinkResolver.ImageRef ref) {
        String alt = img.attr("alt");
        String title = img.attr("title");
        img.clearAttributes();
        img.attr("src", ref.src()).attr("srcset", ref.srcset()).attr("sizes", SIZES)
                .attr("width", Integer.toString(ref.width())).attr("height", Integer.toString(ref.height()))
                .attr("alt", alt);
        if (!title.isEmpty()) {
            img.attr("title", title);
        }
        img.attr("loading", "lazy").attr("decoding", "async");
    }

    private static void replaceWithAlt(Element img) {
        String alt = img.attr("alt").strip();
        if (alt.isEmpty()) {
            img.remove();
        } else {
            img.replaceWith(new TextNode(alt));
        }
    }
}
