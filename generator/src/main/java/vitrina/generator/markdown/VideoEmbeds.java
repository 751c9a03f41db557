package vitrina.generator.markdown;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a RuTube, VK Video or YouTube link standing alone on its line into the click-to-load
 * {@code <figure class="video-embed">} of the cross-helper contract. Embed addresses are rebuilt from ids matched
 * by strict patterns, never copied from the input. Links inside a sentence stay links. Stateless and thread-safe.
 */
final class VideoEmbeds {
    /** Selectors parsed once (evaluators are thread-safe); parsing them per page showed in profiles. */
    private static final Evaluator LONE_LINKS = QueryParser.parse("p > a[href]");
    record Video(String provider, String embedSrc) {
    }

    private record Host(Pattern pattern, Function<Matcher, Video> video) {
    }

    private static final String YT = "[A-Za-z0-9_-]{11}";
    private static final String TAIL = "(?:[/?#&%].*)?";
    private static final List<Host> HOSTS = List.of(
            new Host(Pattern.compile("https?://(?:www\\.|m\\.)?rutube\\.ru/(?:video|shorts|play/embed)/([0-9a-f]{32})"
                    + TAIL), m -> new Video("RuTube", "https://rutube.ru/play/embed/" + m.group(1))),
            new Host(Pattern.compile("https?://(?:www\\.|m\\.)?(?:vk\\.com|vkvideo\\.ru)/video(-?[0-9]{1,19})_([0-9]{1,19})"
                    + TAIL), VideoEmbeds::vk),
            new Host(Pattern.compile("https?://(?:www\\.|m\\.)?vk\\.com/[A-Za-z0-9_.]*\\?(?:[^#]*&)?z=video(-?[0-9]{1,19})"
                    + "_([0-9]{1,19})" + TAIL), VideoEmbeds::vk),
            new Host(Pattern.compile("https?://(?:www\\.|m\\.)?youtube\\.com/watch\\?(?:[^#]*&)?v=(" + YT + ")"
                    + "(?:[&#].*)?"), VideoEmbeds::youtube),
            new Host(Pattern.compile("https?://youtu\\.be/(" + YT + ")" + TAIL), VideoEmbeds::youtube),
            new Host(Pattern.compile("https?://(?:www\\.|m\\.)?youtube\\.com/(?:shorts|embed|live)/(" + YT + ")" + TAIL),
                    VideoEmbeds::youtube));

    private static Video vk(Matcher m) {
        return new Video("VK Видео", "https://vk.com/video_ext.php?oid=" + m.group(1) + "&id=" + m.group(2));
    }

    private static Video youtube(Matcher m) {
        return new Video("YouTube", "https://www.youtube-nocookie.com/embed/" + m.group(1));
    }

    static Optional<Video> recognize(String url) {
        for (Host host : HOSTS) {
            Matcher m = host.pattern().matcher(url);
            if (m.matches()) {
                return Optional.of(host.video().apply(m));
            }
        }
        return Optional.empty();
    }

    void embed(Element root) {
        for (Element a : root.select(LONE_LINKS)) {
            Optional<Video> video = recognize(a.attr("href"));
            if (video.isPresent() && a.parent() != null && startsLine(a) && endsLine(a)) {
                split(a, figure(video.get(), a.attr("href")));
            }
        }
    }

    private static Element figure(Video video, String href) {
        Element figure = new Element("figure").attr("class", "video-embed")
                .attr("data-embed-src", video.embedSrc()).attr("data-provider", video.provider());
        figure.appendChild(new TextNode("\n  "));
        figure.appendElement("a").attr("class", "video-embed__link").attr("href", href)
                .attr("rel", "noopener nofollow").text("Смотреть видео на " + video.provider());
        figure.appendChild(new TextNode("\n"));
        return figure;
    }

    /** Replaces the link's line with the figure, splitting its paragraph around it. */
    private static void split(Element a, Element figure) {
        Element p = a.parent();
        Element after = new Element("p");
        Node next = a.nextSibling();
        while (next != null) {
            Node following = next.nextSibling();
            after.appendChild(next);
            next = following;
        }
        a.remove();
        trimEnd(p);
        trimStart(after);
        p.after(figure);
        if (!after.childNodes().isEmpty()) {
            figure.after(after);
            figure.after(new TextNode("\n"));
        }
        if (p.childNodes().isEmpty()) {
            p.remove();
        } else {
            p.after(new TextNode("\n"));
        }
    }

    private static boolean startsLine(Element a) {
        for (Node s = a.previousSibling(); s != null; s = s.previousSibling()) {
            if (s instanceof TextNode t) {
                String text = t.getWholeText();
                int nl = text.lastIndexOf('\n');
                if (!text.substring(nl + 1).isBlank()) {
                    return false;
                }
                if (nl >= 0) {
                    return true;
                }
            } else {
                return s instanceof Element e && e.normalName().equals("br");
            }
        }
        return true;
    }

    private static boolean endsLine(Element a) {
        for (Node s = a.nextSibling(); s != null; s = s.nextSibling()) {
            if (s instanceof TextNode t) {
                String text = t.getWholeText();
                int nl = text.indexOf('\n');
                if (!(nl >= 0 ? text.substring(0, nl) : text).isBlank()) {
                    return false;
                }
                if (nl >= 0) {
                    return true;
                }
            } else {
                return s instanceof Element e && e.normalName().equals("br");
            }
        }
        return true;
    }

    private static void trimEnd(Element p) {
        Node last = p.lastChild();
        while (last != null && (blank(last) || last instanceof Element e && e.normalName().equals("br"))) {
            last.remove();
            last = p.lastChild();
        }
        if (last instanceof TextNode t) {
            t.text(t.getWholeText().stripTrailing());
        }
    }

    private static void trimStart(Element p) {
        Node first = p.firstChild();
        while (first != null && (blank(first) || first instanceof Element e && e.normalName().equals("br"))) {
            first.remove();
            first = p.firstChild();
        }
        if (first instanceof TextNode t) {
            t.text(t.getWholeText().stripLeading());
        }
    }

    private static boolean blank(Node n) {
        return n instanceof TextNode t && t.getWholeText().isBlank();
    }
}
