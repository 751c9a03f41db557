package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

/** Builds the demo exhibition (results published) and checks results pages, cards, diplomas and open data. */
class DemoResultsTest {
    @TempDir
    static Path dir;
    static BuildReport report;
    static Path site;

    @BeforeAll
    static void buildDemo() {
        report = TestSites.build(TestSites.demoContent(), dir);
        site = dir.resolve("site-output");
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    /** results.csv rows: stand → (column → value), for the stand's best (lowest rank_overall) row. */
    private static List<Map<String, String>> csv(String path) throws IOException {
        String text = Files.readString(site.resolve(path), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void demoWithEvaluationBuildsWithoutErrorsOrWarnings() {
        assertEquals(0, report.errors(), () -> report.problems().toString());
        assertEquals(0, report.warnings(), () -> report.problems().toString());
    }

    @Test
    void resultsPageListsTheBestInOrderWithTheTotalsOfTheOpenData() throws IOException {
        Document results = page("results/index.html");
        List<Element> rows = results.select(".results-table--best tbody tr");
        Map<String, String> bestTotal = new LinkedHashMap<>();
        Map<String, Integer> overall = new LinkedHashMap<>();
        for (Map<String, String> row : csv("data/results.csv")) {
            if ("true".equals(row.get("top"))) {
                overall.put(row.get("stand"), Integer.parseInt(row.get("rank_overall")));
                bestTotal.merge(row.get("stand"), row.get("total"),
                        (a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)) >= 0 ? a : b);
            }
        }
        assertEquals(5, rows.size(), "site.yaml top: 5");
        assertEquals(overall.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            String stand = row.attr("data-stand");
            assertEquals(String.valueOf(i + 1), row.selectFirst(".results-table__rank").text());
            assertEquals(i + 1, overall.get(stand), stand);
            assertEquals(bestTotal.get(stand), row.selectFirst("data").attr("value"), stand);
            assertEquals(bestTotal.get(stand).replace('.', ','), row.selectFirst("data").text());
            assertNotNull(row.selectFirst("a[href=/stands/" + stand + "/]"), stand);
        }
    }

    @Test
    void everyNominationShowsItsWinnerAndTwoLaureates() throws IOException {
        Document results = page("results/index.html");
        assertEquals(3, results.select(".results-nomination").size());
        for (Element nomination : results.select(".results-nomination")) {
            List<String> titles = nomination.select(".results-award__title").eachText();
            assertEquals(List.of("Победитель · 1 место", "Лауреат · 2 место", "Лауреат · 3 место"), titles);
        }
    }

    @Test
    void everyStandCardBreakdownSumsToItsTotal() throws IOException {
        for (String id : report.published()) {
            Document stand = page("stands/" + id + "/index.html");
            Element card = stand.selectFirst(".result-card");
            assertNotNull(card, id + " has a result card");
            List<Element> nominations = card.select(".result-card__nomination");
            assertFalse(nominations.isEmpty(), id);
            for (Element n : nominations) {
                BigDecimal sum = n.select(".result-card__contribution").stream()
                        .map(e -> new BigDecimal(e.attr("value"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal total = new BigDecimal(n.selectFirst(".result-card__total").attr("value"));
                assertEquals(0, total.compareTo(sum), id + ": " + sum + " vs " + total);
            }
            assertNotNull(card.selectFirst("a[href^=/results/certificates/][href$=.pdf]"), id + " certificate");
        }
    }

    @Test
    void aStandMissingAnIndicatorSaysItsWeightWasRedistributed() throws IOException {
        Element card = page("stands/tyumen-lugovskaya-school/index.html").selectFirst(".result-card");
        assertNotNull(card.selectFirst(".result-card__note"));
        assertTrue(card.text().contains("нет данных"), card.text());
        assertTrue(card.select("th").eachText().contains("Вес после перераспределения"));
    }

    @Test
    void everyVerifyPageLinksAnExistingPdf() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.list(site.resolve("results/verify"))) {
            pages = walk.map(p -> p.resolve("index.html")).sorted().toList();
        }
        assertTrue(pages.size() >= 12 + 9, "12 certificates and 9 diplomas: " + pages.size());
        for (Path p : pages) {
            Document verify = Jsoup.parse(p.toFile(), "UTF-8");
            String number = p.getParent().getFileName().toString();
            assertTrue(verify.selectFirst(".verify__badge").text().endsWith("№ " + number + " подлинный"),
                    verify.selectFirst(".verify__badge").text());
            String pdf = verify.selectFirst("a[href$=.pdf]").attr("href");
            assertTrue(pdf.endsWith("/" + number + ".pdf"), pdf);
            byte[] bytes = Files.readAllBytes(site.resolve(pdf.substring(1)));
            assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII), pdf);
            String stand = verify.selectFirst("a.button[href^=/stands/]").attr("href");
            assertTrue(Files.exists(site.resolve(stand.substring(1) + "index.html")), stand);
        }
    }

    @Test
    void regionPagesWorkWithoutJavaScriptAndListTheRegionsStands() throws IOException {
        Document results = page("results/index.html");
        List<String> links = results.select(".results-regions__list a").eachAttr("href");
        assertEquals(12, links.size(), "each demo stand is in its own region");
        assertTrue(links.contains("/results/regions/02/"));
        Document ufa = page("results/regions/02/index.html");
        assertEquals("ufa-ddt-sozvezdie", ufa.selectFirst(".results-table tbody tr").attr("data-stand"));
        assertEquals(links.size() + 1, results.select("#results-region option").size(), "plus «Все регионы»");
    }

    @Test
    void methodologyAndOpenDataPagesLinkTheDownloads() throws IOException {
        Document methodology = page("results/methodology/index.html");
        assertNotNull(methodology.selectFirst("a[href=/data/results.csv]"));
        assertNotNull(methodology.selectFirst("a[href=/data/results.json]"));
        assertFalse(methodology.text().contains("{{"), "every placeholder filled");
        Document data = page("data/index.html");
        for (String file : List.of("results.csv", "results.json", "stands.csv", "stands.json")) {
            assertNotNull(data.selectFirst("a[href=/data/" + file + "]"), file);
            assertTrue(Files.exists(site.resolve("data/" + file)), file);
        }
        assertNotNull(page("index.html").selectFirst("footer a[href=/data/]"));
        assertNotNull(page("index.html").selectFirst("footer a[href=/results/]"));
    }

    @Test
    void standsJsonKeepsTheFieldsTheVotingServiceReads() throws IOException {
        String json = Files.readString(site.resolve("data/stands.json"));
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(report.published().size(), root.get("stands").size());
        var first = root.get("stands").get(0);
        assertEquals(report.published().stream().sorted().findFirst().orElseThrow(), first.get("id").asText());
        assertTrue(first.get("nominations").isArray());
        assertTrue(first.get("region").isInt());
        assertTrue(first.get("url").asText().startsWith("/stands/"));
        assertTrue(first.hasNonNull("name") && first.hasNonNull("type"));
    }

    @Test
    void sitemapListsResultsPagesButNotVerificationPages() throws IOException {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("/results/</loc>"));
        assertTrue(sitemap.contains("/results/methodology/</loc>"));
        assertTrue(sitemap.contains("/results/regions/23/</loc>"));
        assertTrue(sitemap.contains("/data/</loc>"));
        assertFalse(sitemap.contains("/results/verify/"));
    }
}
