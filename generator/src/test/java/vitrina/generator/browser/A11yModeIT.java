package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "Версия для слабовидящих" with the keyboard alone: every control is reached by Tab and works with Enter or Space,
 * the choice follows the visitor to the next page, "Обычная версия сайта" resets it; and the pages stay usable
 * (no horizontal scrolling) on a 320 px phone and at 200% zoom.
 */
class A11yModeIT extends OnDemoSite {
    @AfterEach
    void normalView() {
        web.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        web.get(site.url("/"));
        web.executeScript("localStorage.clear()");
    }

    private static String classes() {
        return (String) web.executeScript("return document.documentElement.className");
    }

    private static WebElement focused() {
        return web.switchTo().activeElement();
    }

    private static void tabTo(WebElement target, int limit) {
        for (int i = 0; i < limit && !focused().equals(target); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertEquals(target, focused(), () -> "Tab never reached " + target.getAttribute("outerHTML"));
    }

    @Test
    void everyPanelControlIsReachedByTabAndWorksWithEnterOrSpace() {
        web.get(site.url("/"));
        web.executeScript("localStorage.clear()");
        web.navigate().refresh();
        WebElement toggle = web.findElement(By.id("a11y-toggle"));
        web.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("skip-link", focused().getAttribute("class"), "the skip link comes first");
        tabTo(toggle, 10);
        focused().sendKeys(Keys.ENTER);
        WebElement panel = web.findElement(By.id("a11y-panel"));
        assertTrue(panel.isDisplayed(), "Enter opens the panel");
        assertEquals("true", toggle.getAttribute("aria-expanded"));

        List<WebElement> controls = panel.findElements(By.tagName("button"));
        assertEquals(controls.get(0), focused(), "focus moves into the panel");
        List<String> reached = new ArrayList<>();
        for (WebElement control : controls) {
            tabTo(control, 3);
            reached.add(control.getText());
        }
        assertEquals(controls.size(), reached.size());
        for (int i = 0; i < 20 && !focused().equals(toggle); i++) {
            focused().sendKeys(Keys.SHIFT, Keys.TAB);
        }
        assertEquals(toggle, focused(), "Shift+Tab goes back to the toggle");

        press(panel, "[data-a11y-font='3']", Keys.SPACE);
        press(panel, "[data-a11y-scheme='wb']", Keys.ENTER);
        press(panel, "[data-a11y-spacing]", Keys.SPACE);
        press(panel, "[data-a11y-noimages]", Keys.ENTER);
        String chosen = classes();
        for (String c : List.of("a11y", "a11y-font-3", "a11y-scheme-wb", "a11y-spacing", "a11y-noimages")) {
            assertTrue(chosen.contains(c), c + " in " + chosen);
        }
        assertEquals("true", panel.findElement(By.cssSelector("[data-a11y-scheme='wb']")).getAttribute("aria-pressed"));
        assertEquals("rgb(0, 0, 0)", web.executeScript("return getComputedStyle(document.body).backgroundColor"));
        browser.screenshot("a11y-keyboard-home");

        web.get(site.url("/stands/sochi-school-12/"));
        assertEquals(chosen, classes(), "the choice is remembered on the next page");
        assertTrue(web.findElement(By.id("a11y-panel")).isDisplayed(), "the panel stays open in the mode");
        assertFalse(web.findElement(By.cssSelector(".gallery img")).isDisplayed(), "images are off");
        browser.fullPageScreenshot("a11y-keyboard-stand");

        WebElement off = web.findElement(By.cssSelector("[data-a11y-off]"));
        tabTo(off, 40);
        off.sendKeys(Keys.ENTER);
        assertFalse(classes().contains("a11y"), "«Обычная версия сайта» resets: " + classes());
        assertFalse(web.findElement(By.id("a11y-panel")).isDisplayed());
        assertEquals(web.findElement(By.id("a11y-toggle")), focused(), "focus returns to the toggle");
        web.navigate().refresh();
        assertFalse(classes().contains("a11y"), "the normal view is remembered too");
    }

    @Test
    void escapeClosesThePanelAndReturnsFocusToTheToggle() {
        web.get(site.url("/catalog/"));
        WebElement toggle = web.findElement(By.id("a11y-toggle"));
        toggle.sendKeys(Keys.ENTER);
        focused().sendKeys(Keys.ESCAPE);
        assertFalse(web.findElement(By.id("a11y-panel")).isDisplayed());
        assertEquals(toggle, focused());
        assertEquals("false", toggle.getAttribute("aria-expanded"));
    }

    private static void press(WebElement panel, String selector, Keys key) {
        WebElement b = panel.findElement(By.cssSelector(selector));
        tabTo(b, 12);
        b.sendKeys(key);
        if (b.getAttribute("aria-pressed") != null) {
            assertEquals("true", b.getAttribute("aria-pressed"), selector + " is pressed");
        }
    }

    @Test
    void pagesHaveNoHorizontalScrollOnA320PixelPhone() {
        emulate(320, 640, 1);
        assertNoHorizontalScroll("phone320", List.of());
    }

    @Test
    void pagesHaveNoHorizontalScrollAt200PercentZoom() {
        // 1280 device pixels at zoom 200% lay out like a 640 CSS px wide window with 2 device pixels per CSS px.
        emulate(640, 450, 2);
        assertNoHorizontalScroll("zoom200", List.of());
    }

    @Test
    void pagesHaveNoHorizontalScrollOnAPhoneWithTheLargestFontAndWideSpacing() {
        emulate(320, 640, 1);
        assertNoHorizontalScroll("phone320-a11y", List.of("a11y", "a11y-font-3", "a11y-scheme-blue", "a11y-spacing"));
    }

    private static void emulate(int width, int height, int scale) {
        web.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", true));
    }

    private static void assertNoHorizontalScroll(String label, List<String> mode) {
        web.get(site.url("/"));
        web.executeScript(mode.isEmpty() ? "localStorage.clear()"
                : "localStorage.setItem('vitrina-a11y', JSON.stringify({on: true, font: 3, scheme: 'blue', spacing: true}))");
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/", "/catalog/", "/stands/sochi-school-12/", "/stands/sochi-school-12/methods/",
                "/search/?q=школой")) {
            web.get(site.url(path));
            for (String c : mode) {
                assertTrue(classes().contains(c), c);
            }
            if (path.startsWith("/search/")) {
                new org.openqa.selenium.support.ui.WebDriverWait(web, java.time.Duration.ofSeconds(10)).until(d ->
                        !d.findElements(By.cssSelector("#search-filter-region, .search-result")).isEmpty());
            }
            Object wide = web.executeScript("""
                    var de = document.documentElement, over = de.scrollWidth - de.clientWidth;
                    if (over <= 0) return null;
                    var out = [];
                    document.querySelectorAll('body *').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.right > de.clientWidth + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + ' right=' + Math.round(r.right));
                    });
                    return over + 'px: ' + out.join(', ');""");
            if (wide != null) {
                problems.add(path + " scrolls sideways by " + wide);
            }
            String name = path.equals("/") ? "home" : path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
            browser.capture(label + "-" + name);
        }
        assertTrue(problems.isEmpty(), () -> label + ":\n" + String.join("\n", problems));
    }
}
