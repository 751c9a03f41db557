package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vitrina.generator.TestSites;
import vitrina.generator.build.BuildReport;
import vitrina.generator.preview.PreviewServer;

/** A visitor's walk through the demo site in a real headless Chromium, with screenshots to look at. */
class SiteBrowserIT {
    @TempDir
    static Path dir;
    static PreviewServer server;
    static Browser browser;
    static ChromeDriver web;

    @BeforeAll
    static void buildAndServe() throws Exception {
        BuildReport report = TestSites.build(TestSites.demoContent(), dir);
        assertEquals(0, report.errors(), report.problems()::toString);
        server = PreviewServer.start(dir.resolve("site-output"), 0);
        browser = Browser.start(1280, 900);
        web = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(String path) {
        web.get(server.url() + path.substring(1));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(web, Duration.ofSeconds(10));
    }

    @Test
    void aVisitorWalksFromHomeThroughCatalogAndRegionToAStandSectionAndItsFiles() throws Exception {
        open("/");
        assertFalse(web.findElement(By.tagName("h1")).getText().isBlank());
        browser.fullPageScreenshot("01-home");

        web.findElement(By.cssSelector("a[href='/catalog/']")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/catalog/"));
        browser.fullPageScreenshot("02-catalog");

        open("/regions/");
        WebElement region = web.findElements(By.cssSelector("main a[href^='/regions/']")).stream()
                .filter(a -> !a.getAttribute("href").endsWith("/regions/")).findFirst().orElseThrow();
        region.click();
        waiting().until(d -> d.getCurrentUrl().matches(".*/regions/\\d\\d/"));
        browser.screenshot("03-region");

        web.findElement(By.cssSelector("main a[href^='/stands/']")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/stands/"));
        String standUrl = web.getCurrentUrl();
        browser.fullPageScreenshot("04-stand");

        List<WebElement> photos = web.findElements(By.cssSelector("main img[srcset]"));
        assertFalse(photos.isEmpty(), "the stand shows its gallery");
        web.executeScript("arguments[0].scrollIntoView()", photos.get(0));
        waiting().until(d -> (Boolean) web.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", photos.get(0)));

        String material = web.findElement(By.cssSelector("a[href*='/files/']")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(material)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), material);
        assertTrue(download.body().length > 100, material);

        List<WebElement> sections = web.findElements(By.cssSelector("a[href^='" + URI.create(standUrl).getPath() + "'][href$='/']"))
                .stream().filter(a -> !a.getAttribute("href").equals(standUrl)).toList();
        assertFalse(sections.isEmpty(), "the stand has more sections");
        sections.get(0).click();
        waiting().until(d -> !d.getCurrentUrl().equals(standUrl));
        browser.screenshot("05-section");
    }

    @Test
    void accessibilityModeChangesTheLookAndIsRememberedAcrossPages() {
        open("/");
        String before = (String) web.executeScript("return getComputedStyle(document.body).backgroundColor");
        WebElement toggle = web.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().toLowerCase().contains("слабовидящих")
                        || String.valueOf(b.getAttribute("aria-label")).toLowerCase().contains("слабовидящих"))
                .findFirst().orElseThrow(() -> new AssertionError("no «Версия для слабовидящих» button"));
        toggle.click();
        WebElement dark = web.findElements(By.cssSelector("button, [role=radio], input[type=radio] + label, label"))
                .stream().filter(b -> b.isDisplayed() && b.getText().toLowerCase().contains("бел")
                        && b.getText().toLowerCase().contains("чёрн"))
                .reduce((a, b) -> b).orElse(null);
        if (dark != null) {
            dark.click();
        }
        browser.screenshot("06-a11y-on");
        String after = (String) web.executeScript("return getComputedStyle(document.body).backgroundColor");
        assertNotEquals(before, after, "a colour scheme applies");

        open("/catalog/");
        assertEquals(after, web.executeScript("return getComputedStyle(document.body).backgroundColor"),
                "the choice is remembered on the next page");
        browser.screenshot("07-a11y-catalog");
        web.executeScript("localStorage.clear()");
    }

    @Test
    void theSiteIsUsableOnANarrowPhoneScreen() {
        var size = web.manage().window().getSize();
        try {
            web.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            open("/catalog/");
            Long overflow = (Long) web.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow <= 0, "no horizontal scrolling at 360 px: " + overflow);
            browser.screenshot("08-phone-catalog");
        } finally {
            web.manage().window().setSize(size);
        }
    }

    @Test
    void videosLoadOnlyAfterTheVisitorClicks() {
        for (String page : TestSitesIds.pagesWithVideo(dir.resolve("site-output"))) {
            open(page);
            assertTrue(web.findElements(By.tagName("iframe")).isEmpty(), "no third-party frame before a click");
            WebElement play = web.findElement(By.cssSelector(".video-embed button, .video-embed a"));
            web.executeScript("arguments[0].scrollIntoView()", play);
            if (play.getTagName().equals("button")) {
                play.click();
                waiting().until(d -> !d.findElements(By.cssSelector(".video-embed iframe")).isEmpty());
            }
            return;
        }
        throw new AssertionError("the demo has no stand with a video embed");
    }
}
