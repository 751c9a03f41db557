package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The stand's photo gallery opens in a viewer that works with the keyboard and gives focus back on close. */
class GalleryViewerIT extends OnDemoSite {
    @Test
    void aPhotoOpensInTheViewerArrowKeysPageAndEscapeReturnsFocusToThePhoto() {
        web.get(site.url("/stands/sochi-school-12/"));
        WebElement link = web.findElement(By.cssSelector(".gallery__link"));
        String caption = web.findElement(By.cssSelector(".gallery__item figcaption")).getText();
        String alt = link.findElement(By.tagName("img")).getAttribute("alt");
        assertFalse(alt.isBlank(), "photos have alt text");
        web.executeScript("arguments[0].scrollIntoView()", link);
        link.sendKeys(Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(10));
        WebElement dialog = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector("dialog.lightbox"));
            return e.isDisplayed() ? e : null;
        });
        WebElement big = dialog.findElement(By.tagName("img"));
        wait.until(d -> (Boolean) web.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", big));
        assertEquals(caption, dialog.findElement(By.tagName("figcaption")).getText());
        String count = dialog.findElement(By.cssSelector(".lightbox__count")).getText();
        assertTrue(count.startsWith("1 из "), count);
        browser.screenshot("gallery-viewer");

        web.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertTrue(dialog.findElement(By.cssSelector(".lightbox__count")).getText().startsWith("2 из "));
        web.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !dialog.isDisplayed());
        assertEquals(link, web.switchTo().activeElement(), "focus returns to the photo that opened the viewer");
    }
}
