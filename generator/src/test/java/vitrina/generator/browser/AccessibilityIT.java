package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules report nothing on every page template of the demo site, in the normal
 * view and in each colour scheme of the accessibility mode (contrast is checked against the computed colours).
 */
class AccessibilityIT {
    static DemoSite site;
    static Browser browser;
    static ChromeDriver web;
    static Axe axe;

    @BeforeAll
    static void start() {
        axe = Axe.load();
        site = DemoSite.get();
        browser = Browser.start(1280, 900);
        web = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** "off" is the normal view; the rest are the accessibility mode's colour schemes with a large font. */
    @ParameterizedTest
    @ValueSource(strings = {"off", "bw", "wb", "blue"})
    void everyPageTemplateHasNoWcagViolations(String scheme) {
        web.get(site.url("/"));
        web.executeScript(scheme.equals("off") ? "localStorage.removeItem('vitrina-a11y')"
                : "localStorage.setItem('vitrina-a11y', JSON.stringify({on: true, font: 2, scheme: arguments[0]}))",
                scheme);
        List<String> report = new ArrayList<>();
        for (String path : List.of("/", "/catalog/", "/stands/sochi-school-12/", "/stands/sochi-school-12/methods/",
                "/about/", "/no-such-page/", site.firstRegionPage(), "/regions/", "/nominations/", "/results/",
                "/results/methodology/", "/results/regions/23/", "/data/")) {
            web.get(site.url(path));
            check(path, report);
            if (path.startsWith("/stands/") && !path.contains("methods")) {
                browser.fullPageScreenshot("a11y-" + scheme + "-stand");
            }
        }
        searchWithATypedQuery(report, scheme);
        headerSuggestions(report);
        galleryViewer(report);
        browser.screenshot("a11y-" + scheme + "-gallery-viewer");
        assertTrue(report.isEmpty(), () -> "axe found " + report.size() + " problem(s) with scheme " + scheme
                + ":\n" + String.join("\n", report));
    }

    private void searchWithATypedQuery(List<String> report, String scheme) {
        web.get(site.url("/search/"));
        var input = waiting().until(d -> d.findElement(By.id("search-app-q")));
        input.sendKeys("школой");
        waiting().until(d -> !d.findElements(By.cssSelector(".search-result a")).isEmpty());
        check("/search/ (query typed)", report);
        browser.screenshot("a11y-" + scheme + "-search");
    }

    private void headerSuggestions(List<String> report) {
        web.get(site.url("/catalog/"));
        web.findElement(By.id("site-search-q")).sendKeys("гимназия");
        waiting().until(d -> d.findElement(By.id("site-search-suggest")).isDisplayed());
        check("/catalog/ (search suggestions open)", report);
    }

    private void galleryViewer(List<String> report) {
        web.get(site.url("/stands/sochi-school-12/"));
        var link = web.findElement(By.cssSelector(".gallery__link"));
        web.executeScript("arguments[0].scrollIntoView()", link);
        link.click();
        waiting().until(d -> d.findElement(By.cssSelector("dialog.lightbox")).isDisplayed());
        check("/stands/sochi-school-12/ (gallery viewer open)", report);
    }

    private void check(String page, List<String> report) {
        for (String v : axe.violations(web)) {
            report.add(page + ": " + v);
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(web, Duration.ofSeconds(10));
    }
}
