package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Organizers print stands for the jury: the print view drops the site chrome and spells out material URLs. */
class StandPrintIT extends OnDemoSite {
    static final Path PDF = Path.of("target", "print", "stand.pdf");
    static final String STAND = "/stands/sochi-school-12/";
    @Test
    void thePrintViewHidesNavigationSearchAndVotingAndShowsMaterialAddresses() {
        web.get(site.url(STAND));
        assertTrue(web.findElement(By.cssSelector(".vote")).isDisplayed(), "the stand has a vote section on screen");
        web.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String chrome : List.of(".site-header", ".main-nav", ".site-search", ".vote", ".stand-nav",
                    ".breadcrumbs", ".skip-link", ".a11y-toggle")) {
                for (WebElement e : web.findElements(By.cssSelector(chrome))) {
                    assertEquals("none", e.getCssValue("display"), chrome + " is hidden in print");
                }
            }
            List<WebElement> materials = web.findElements(By.cssSelector(".material__link"));
            assertFalse(materials.isEmpty());
            for (WebElement link : materials) {
                String after = (String) web.executeScript(
                        "return getComputedStyle(arguments[0], '::after').content", link);
                assertTrue(after.contains(link.getAttribute("data-print-url")), after);
                assertTrue(link.getAttribute("data-print-url").startsWith("https://"), "an absolute address");
            }
            assertTrue(web.findElement(By.cssSelector(".org-card")).isDisplayed(), "the organization card stays");
            browser.fullPageScreenshot("print-stand");
        } finally {
            web.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void aStandPrintsToAPdfWithTheTextAndTheMaterialAddresses() throws Exception {
        web.get(site.url(STAND));
        Map<String, Object> pdf = web.executeCdpCommand("Page.printToPDF",
                Map.of("printBackground", true, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(PDF.getParent());
        Files.write(PDF, bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("МБОУ СОШ № 12"), "the stand's name");
            assertTrue(text.contains("/stands/sochi-school-12/files/"), "material addresses are printed");
            assertFalse(text.contains("Версия для слабовидящих"), "no site chrome");
            assertFalse(text.contains("Проголосовать за стенд") || text.contains("Для голосования нужен"), "no voting widget");
            assertTrue(doc.getNumberOfPages() <= 6, "a stand fits a few sheets: " + doc.getNumberOfPages());
        }
    }

    @Test
    void everyPageLinksTheFaviconAndAWebManifestThatDescribesTheSite() throws Exception {
        web.get(site.url(STAND));
        String icon = web.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
        String manifest = web.findElement(By.cssSelector("link[rel=manifest]")).getAttribute("href");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> svg = http.send(HttpRequest.newBuilder(URI.create(icon)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, svg.statusCode());
        assertTrue(svg.body().contains("<svg"), icon);
        JsonNode json = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(manifest)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("ru", json.get("lang").asText());
        assertFalse(json.get("name").asText().isBlank());
        assertTrue(icon.endsWith(json.get("icons").get(0).get("src").asText()), "the manifest's icon is the favicon");
    }
}
