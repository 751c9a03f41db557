package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Severity;

class MarkdownRendererTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private final List<Problem> problems = new ArrayList<>();
    private final FakeLinks links = new FakeLinks();

    private RenderedMarkdown render(String markdown, int bodyLine) {
        return RENDERER.render(markdown, "stands/demo/index.md", bodyLine, links, problems::add);
    }

    private List<String> codesAndLines() {
        return problems.stream().map(p -> p.code() + "@" + p.line()).toList();
    }

    @Test
    void reportsRemovedEventHandlerAtItsLineInTheFile() {
        render("# Школа\n\nТекст\n<img src=\"gallery/01.jpg\" onerror=\"alert(1)\" alt=\"x\">\n", 6);
        assertEquals(List.of("markdown.html.removed@9"), codesAndLines());
        Problem p = problems.get(0);
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.message().contains("onerror") && p.message().contains("<img>"), p.message());
    }

    @Test
    void countsLinesInsideAMultiLineHtmlBlock() {
        render("Вступление\n\n<div>\n<p>абзац</p>\n<script>alert(1)</script>\n<span style=\"color:red\"\n  onclick=\"x()\">t</span>\n</div>\n", 1);
        assertEquals(List.of("markdown.html.removed@5", "markdown.html.removed@6"), codesAndLines());
    }

    @Test
    void reportsJavascriptMarkdownLinkOnTheSecondLineOfAParagraph() {
        RenderedMarkdown r = render("Первая строка\nвторая [жми](javascript:alert(1)) строка\n", 10);
        assertEquals(List.of("markdown.link.unsafe@11"), codesAndLines());
        assertFalse(r.html().contains("javascript"));
        assertTrue(r.html().contains("вторая жми строка"), r.html());
    }

    @Test
    void rendersBrokenRelativeLinkAsPlainTextWithHint() {
        RenderedMarkdown r = render("См. [отчёт](files/Отчёт.pdf).", 1);
        assertEquals("<p>См. отчёт.</p>", r.html());
        assertEquals(List.of("markdown.link.broken@1"), codesAndLines());
        assertTrue(problems.get(0).hint().contains("files/"), problems.get(0).hint());
    }

    @Test
    void decodesEscapesAndStripsQueryButKeepsFragmentWhenResolving() {
        RenderedMarkdown r = render("[a](files/%D0%9F%D0%BB%D0%B0%D0%BD.pdf?x=1#page=2) [b](./methods)", 1);
        assertTrue(links.asked.contains("files/План.pdf"), links.asked.toString());
        assertTrue(links.asked.contains("methods"), links.asked.toString());
        assertTrue(r.html().contains("href=\"/stands/demo/files/plan.pdf#page=2\""), r.html());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void treatsParentPathsAndComputerPathsAsBroken() {
        render("[a](../files/x.pdf) [b](files/../../x.pdf) [c](file:///C:/x.pdf) [d](D:\\docs\\x.pdf)", 1);
        assertEquals(4, problems.stream().filter(p -> p.code().equals("markdown.link.broken")).count());
        assertFalse(links.asked.stream().anyMatch(t -> t.contains("..")), links.asked.toString());
    }

    @Test
    void marksExternalLinksNoFollowAndKeepsThemInTheSameTab() {
        String html = render("[Минпросвещения](https://edu.gov.ru/)", 1).html();
        assertEquals("<p><a href=\"https://edu.gov.ru/\" rel=\"noopener nofollow ugc\">Минпросвещения</a></p>", html);
    }

    @Test
    void replacesExternalImageWithLinkAndWarns() {
        String html = render("![логотип](https://example.com/logo.png)", 3).html();
        assertEquals("<p><a href=\"https://example.com/logo.png\" rel=\"noopener nofollow ugc\">логотип</a></p>", html);
        assertEquals(List.of("markdown.image.external@3"), codesAndLines());
    }

    @Test
    void warnsAboutMissingPhoto() {
        render("Текст\n\n![нет](gallery/99.jpg)", 1);
        assertEquals(List.of("markdown.image.broken@3"), codesAndLines());
    }

    @Test
    void givesHeadingsUniqueTransliteratedIdsInDocumentOrder() {
        RenderedMarkdown r = render("# О школе\n\n## О школе\n\n### Наш опыт\n", 1);
        assertEquals(List.of(new RenderedMarkdown.Heading(1, "o-shkole", "О школе"),
                new RenderedMarkdown.Heading(2, "o-shkole-2", "О школе"),
                new RenderedMarkdown.Heading(3, "nash-opyt", "Наш опыт")), r.headings());
        assertTrue(r.html().startsWith("<h1 id=\"o-shkole\">О школе</h1>"), r.html());
    }

    @Test
    void keepsVideoLinkInsideASentenceAsALink() {
        String html = render("Смотрите https://youtu.be/dQw4w9WgXcQ на уроке.", 1).html();
        assertFalse(html.contains("video-embed"), html);
        assertTrue(html.contains("<a href=\"https://youtu.be/dQw4w9WgXcQ\""), html);
    }

    @Test
    void extractsVisiblePlainTextWithoutMarkup() {
        RenderedMarkdown r = render("# Заголовок\n\nАбзац с **жирным**[^1].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: Сноска.", 1);
        assertEquals("Заголовок Абзац с жирным1. a b 1 2 Сноска.", r.plainText());
    }

    @Test
    void reportsNothingForOrdinaryMarkdown() {
        render("# Школа\n\nТекст *курсив* [план](files/План.pdf) ![фото](gallery/01.jpg)\n\n- пункт\n\n> цитата\n\n```\n<b>код</b>\n```\n", 1);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void escapesHtmlInsideCodeInsteadOfRemovingIt() {
        String html = render("`<script>alert(1)</script>`", 1).html();
        assertEquals("<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>", html);
        assertTrue(problems.isEmpty());
    }

    @Test
    void givesIdenticalOutputWhenSharedByManyThreads() throws Exception {
        String markdown = "# О школе\n\n[план](files/План.pdf) <b onclick=x>!</b>\n\nhttps://youtu.be/dQw4w9WgXcQ\n";
        RenderedMarkdown expected = RENDERER.render(markdown, "f.md", 1, new FakeLinks(), p -> { });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedMarkdown>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> RENDERER.render(markdown, "f.md", 1, new FakeLinks(), p -> { })));
            }
            for (Future<RenderedMarkdown> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
