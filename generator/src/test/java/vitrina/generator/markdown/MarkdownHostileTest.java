package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.problem.Problem;

/**
 * Every file in {@code hostile/markdown/} is an attack a school page could carry. Rendering must never let script
 * run on the site, and everything removed must be reported with a line inside the file. Add each fixed bug as a
 * new file.
 */
class MarkdownHostileTest {
    private static final Path DIR = Path.of("src/test/resources/hostile/markdown");
    private static final int BODY_LINE = 3;
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final Set<String> FORBIDDEN_TAGS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "svg", "math", "style", "link", "meta", "base", "form", "input", "button",
            "textarea", "template", "noscript", "video", "audio", "title");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "cite", "action",
            "formaction", "data-embed-src", "poster", "background", "xlink:href", "data", "srcdoc");
    private static final Pattern SAFE_URL = Pattern.compile("(https?://|mailto:|tel:|/|#).*", Pattern.DOTALL);
    private static final Set<String> CODES = Set.of("markdown.html.removed", "markdown.link.unsafe",
            "markdown.link.broken", "markdown.image.broken", "markdown.image.external");

    static Stream<Path> hostile() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @Test
    void corpusHoldsAtLeastTwelveAttacks() throws IOException {
        assertTrue(hostile().count() >= 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void neverLetsScriptRunAndReportsWhatItRemoved(Path input) throws IOException {
        String markdown = Files.readString(input, StandardCharsets.UTF_8);
        String file = "stands/evil/" + input.getFileName();
        List<Problem> problems = new ArrayList<>();
        RenderedMarkdown rendered = RENDERER.render(markdown, file, BODY_LINE, new FakeLinks(), problems::add);

        assertSafe(rendered.html());
        assertFalse(problems.isEmpty(), "nothing reported for " + input);
        int lastLine = BODY_LINE + (int) markdown.lines().count() - 1;
        for (Problem p : problems) {
            assertEquals(file, p.file());
            assertTrue(CODES.contains(p.code()), p.code());
            assertTrue(p.line() >= BODY_LINE && p.line() <= lastLine, "line outside the file: " + p);
            assertFalse(p.message().isBlank());
            assertFalse(p.hint().isBlank());
        }
    }

    static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<![cdata["), "raw CDATA in " + html);
        for (String tag : FORBIDDEN_TAGS) {
            assertFalse(lower.contains("<" + tag), "<" + tag + " in " + html);
        }
        for (Element el : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertFalse(FORBIDDEN_TAGS.contains(el.normalName()), el.outerHtml());
            for (Attribute attr : el.attributes()) {
                String key = attr.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), "event handler in " + el.outerHtml());
                assertFalse(key.equals("style"), "style in " + el.outerHtml());
                String squeezed = attr.getValue().replaceAll("[\\s\\p{Cc}\\p{Cf}]", "").toLowerCase(Locale.ROOT);
                for (String scheme : List.of("javascript:", "vbscript:", "data:")) {
                    assertFalse(squeezed.startsWith(scheme), key + "=" + attr.getValue());
                }
                if (URL_ATTRIBUTES.contains(key)) {
                    for (String part : key.equals("srcset") ? attr.getValue().split(",") : new String[] {attr.getValue()}) {
                        String url = part.strip().split(" ")[0];
                        assertTrue(SAFE_URL.matcher(url).matches(), key + "=" + attr.getValue());
                    }
                }
            }
        }
    }
}
