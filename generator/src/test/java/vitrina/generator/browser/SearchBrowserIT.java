package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The static search in a real browser: inflected Russian words, header suggestions, filters. */
class SearchBrowserIT extends OnDemoSite {
    private static WebDriverWait waiting() {
        return new WebDriverWait(web, Duration.ofSeconds(10));
    }

    private static List<WebElement> results() {
        return waiting().until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#search-app-results .search-result__link"));
            return links.isEmpty() ? null : links;
        });
    }

    @Test
    void anInflectedWordFindsStandsThatUseOtherFormsOfIt() {
        web.get(site.url("/search/?q=школой"));
        List<WebElement> links = results();
        assertTrue(links.stream().anyMatch(a -> a.getAttribute("href").contains("/stands/")),
                "results link to stands");
        String marked = String.join(" ", web.findElements(By.cssSelector("#search-app-results mark")).stream()
                .map(m -> m.getText().toLowerCase()).toList());
        assertTrue(marked.contains("школ") && !marked.matches("^(школой\\s*)+$"),
                "other forms of the word are highlighted: " + marked);
        assertEquals("школой", web.findElement(By.id("search-app-q")).getAttribute("value"));
        browser.fullPageScreenshot("search-results");

        String first = links.get(0).getAttribute("href");
        links.get(0).click();
        waiting().until(d -> d.getCurrentUrl().equals(first));
        assertFalse(web.findElement(By.tagName("h1")).getText().isBlank());
    }

    @Test
    void typingInTheHeaderBoxShowsSuggestionsReachableWithArrowKeys() {
        web.get(site.url("/catalog/"));
        WebElement box = web.findElement(By.id("site-search-q"));
        box.sendKeys("гимназия");
        WebElement list = waiting().until(d -> {
            WebElement l = d.findElement(By.id("site-search-suggest"));
            return l.isDisplayed() ? l : null;
        });
        assertEquals("true", box.getAttribute("aria-expanded"));
        List<WebElement> options = list.findElements(By.tagName("a"));
        assertTrue(options.size() >= 2, "some suggestions and «all results»");
        browser.screenshot("search-suggestions");
        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals(options.get(0), web.switchTo().activeElement());
        web.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertEquals(box, web.switchTo().activeElement());
        assertFalse(list.isDisplayed());

        box.sendKeys(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("/search/?q="));
        assertFalse(results().isEmpty(), "Enter opens the full results page");
    }

    @Test
    void aRegionFilterNarrowsTheResultsAndIsKeptInTheAddress() {
        web.get(site.url("/search/?q=школа"));
        int all = results().size();
        Select region = new Select(waiting().until(d -> d.findElement(By.id("search-filter-region"))));
        assertTrue(region.getOptions().size() > 2, "the demo spans several regions");
        WebElement option = region.getOptions().get(1);
        String code = option.getAttribute("value");
        region.selectByValue(code);
        waiting().until(d -> d.getCurrentUrl().contains("region=" + code));
        waiting().until(d -> results().size() < all);
        browser.screenshot("search-filtered");
        for (WebElement link : results()) {
            String href = link.getAttribute("href");
            assertTrue(href.contains("/stands/"), href);
        }
        web.navigate().refresh();
        assertEquals(code, new Select(waiting().until(d -> d.findElement(By.id("search-filter-region"))))
                .getFirstSelectedOption().getAttribute("value"), "the filter survives a reload");
    }
}
