package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import vitrina.generator.TestSites;

/**
 * A stand whose sections carry the whole hostile Markdown corpus (script tags, event handlers, javascript: links,
 * SVG and MathML payloads, forged markers...) plus payloads that set {@code window.__xss}: opened in Chromium, no
 * page runs any of them, even when every link is clicked and every element hovered.
 */
class HostileContentIT {
    private static final Path CORPUS = TestSites.projectRoot().resolve("generator/src/test/resources/hostile/markdown");
    private static final String FLAG_PAYLOADS = """
            # Флажок

            <script>window.__xss = 1</script>

            <img src="x" onerror="window.__xss = 1">

            <svg onload="window.__xss = 1"><script>window.__xss = 1</script></svg>

            <a href="javascript:window.__xss=1">ссылка</a>

            <a href="JaVaScRiPt&#58;window.__xss=1">ссылка с сущностью</a>

            [markdown-ссылка](javascript:window.__xss=1)

            [ссылка по метке][x]

            <iframe src="javascript:parent.__xss=1"></iframe>

            <object data="javascript:window.__xss=1"></object>

            <math><a xlink:href="javascript:window.__xss=1">формула</a></math>

            <details open ontoggle="window.__xss = 1"><summary>Раскрыть</summary>текст</details>

            <style>@import "javascript:window.__xss=1";</style>

            <form action="javascript:window.__xss=1"><button>Отправить</button></form>

            [x]: javascript:window.__xss=1
            """;

    @TempDir
    static Path dir;
    static DemoSite site;
    static Browser browser;
    static ChromeDriver web;
    static List<String> pages = new ArrayList<>();

    @BeforeAll
    static void buildHostileStand() throws IOException {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Path stand = content.resolve("stands/sochi-school-12");
        Path yaml = stand.resolve("stand.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^sections:.*\\n", ""));
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String slug = "hostile-" + md.getFileName().toString().substring(0, 2);
                Files.writeString(stand.resolve(slug + ".md"),
                        "---\ntitle: \"Проверка " + slug + "\"\n---\n" + Files.readString(md));
                pages.add("/stands/sochi-school-12/" + slug + "/");
            }
        }
        Files.writeString(stand.resolve("hostile-flag.md"), "---\ntitle: \"Проверка флажка\"\n---\n" + FLAG_PAYLOADS);
        pages.add("/stands/sochi-school-12/hostile-flag/");
        site = DemoSite.build(content);
        browser = Browser.start(1280, 900);
        web = browser.driver();
        // Anything that still calls alert() (the corpus's own payloads) raises the same flag.
        web.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.alert = window.confirm = window.prompt = function () { window.__xss = 1; };"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void noHostilePageRunsAnyScriptEvenWhenEveryLinkIsClicked() throws Exception {
        assertEquals(17, pages.size(), "the whole corpus is on the stand");
        List<String> ran = new ArrayList<>();
        for (String page : pages) {
            assertTrue(Files.isRegularFile(site.site().resolve(page.substring(1) + "index.html")), page);
            web.get(site.url(page));
            Thread.sleep(150);
            probe(page, "on load", ran);
            List<String> handlers = attributesStartingWithOn();
            assertTrue(handlers.isEmpty(), page + " keeps event handlers: " + handlers);
            for (WebElement e : web.findElements(By.cssSelector(".prose *"))) {
                try {
                    new Actions(web).moveToElement(e).perform();
                } catch (RuntimeException notVisible) {
                    // hidden or zero-size elements cannot be hovered; nothing to trigger there
                }
            }
            probe(page, "on hover", ran);
            List<WebElement> links = web.findElements(By.cssSelector(".prose a[href], .prose area[href]"));
            for (int i = 0; i < links.size(); i++) {
                WebElement link = web.findElements(By.cssSelector(".prose a[href], .prose area[href]")).get(i);
                String href = link.getAttribute("href");
                if (href != null && href.trim().toLowerCase().matches("^(javascript|vbscript|data):.*")) {
                    ran.add(page + ": a dangerous link survived: " + href);
                    web.executeScript("arguments[0].click()", link);
                    probe(page, "after clicking " + href, ran);
                }
            }
        }
        web.get(site.url("/stands/sochi-school-12/hostile-flag/"));
        browser.fullPageScreenshot("hostile-flag");
        assertTrue(ran.isEmpty(), String.join("\n", ran));
    }

    @Test
    void theProbeNoticesAScriptThatDoesRun() {
        web.get(site.url("/stands/sochi-school-12/hostile-flag/"));
        web.executeScript("var a = document.createElement('a'); a.href = 'javascript:alert(1)';"
                + " document.querySelector('.prose').appendChild(a); a.click();");
        List<String> ran = new ArrayList<>();
        new org.openqa.selenium.support.ui.WebDriverWait(web, java.time.Duration.ofSeconds(5))
                .until(d -> web.executeScript("return window.__xss") != null);
        probe("control", "after a planted javascript: link", ran);
        assertEquals(1, ran.size(), ran::toString);
    }

    private static void probe(String page, String when, List<String> ran) {
        try {
            String text = web.switchTo().alert().getText();
            ran.add(page + ": an alert appeared " + when + ": " + text);
            web.switchTo().alert().accept();
        } catch (NoAlertPresentException expected) {
            // no dialog: good
        }
        Object flag = web.executeScript("return window.__xss");
        if (flag != null) {
            ran.add(page + ": script ran " + when);
        }
        assertFalse(web.getCurrentUrl().startsWith("javascript:"), page);
    }

    @SuppressWarnings("unchecked")
    private static List<String> attributesStartingWithOn() {
        return (List<String>) web.executeScript("""
                var out = [];
                document.querySelectorAll('main *').forEach(function (e) {
                  for (var i = 0; i < e.attributes.length; i++) {
                    if (/^on/i.test(e.attributes[i].name)) out.push(e.tagName + ' ' + e.attributes[i].name);
                  }
                });
                return out;""");
    }
}
