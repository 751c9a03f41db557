package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

/** Builds the real demo exhibition once and checks the site a visitor gets. */
class DemoSiteTest {
    @TempDir
    static Path dir;
    static BuildReport report;
    static Path site;

    @BeforeAll
    static void buildDemo() {
        report = TestSites.build(TestSites.demoContent(), dir);
        site = dir.resolve("site-output");
    }

    private static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void demoBuildsWithoutErrorsAndPublishesEveryStand() {
        assertFalse(report.fatal(), () -> report.problems().toString());
        assertEquals(0, report.errors(), () -> report.problems().toString());
        assertTrue(report.published().size() >= 12, "published: " + report.published());
        assertTrue(report.leftOut().isEmpty(), () -> report.leftOut().toString());
    }

    @Test
    void homePageShowsTheExhibitionTitleFiguresAndNominations() throws Exception {
        Document home = page("index.html");
        assertEquals("ru", home.selectFirst("html").attr("lang"));
        assertNotNull(home.selectFirst("h1"));
        String text = home.text();
        assertTrue(text.contains(Integer.toString(report.published().size())), text);
        assertTrue(home.select("a[href^=/nominations/]").size() >= 3, "links to the 3 nominations");
        assertTrue(home.select("a[href^=/stands/]").size() >= 3, "newest stands linked");
    }

    @Test
    void everyStandHasItsPageWithOrganizationCardMaterialsAndGallery() throws Exception {
        for (String id : report.published()) {
            Document stand = page("stands/" + id + "/index.html");
            assertNotNull(stand.selectFirst("h1"), id);
            assertFalse(stand.select("a[href^=/stands/" + id + "/files/]").isEmpty(), id + " lists materials");
            assertFalse(stand.select("img[srcset]").isEmpty(), id + " shows photos with srcset");
            stand.select("img").forEach(img -> assertTrue(img.hasAttr("alt"), id + ": img without alt " + img));
        }
    }

    @Test
    void everyInternalLinkAndAssetResolves() throws Exception {
        List<vitrina.generator.LinkChecker.Broken> broken = vitrina.generator.LinkChecker.check(site);
        assertTrue(broken.isEmpty(), () -> broken.toString());
    }

    @Test
    void sitemapAndCanonicalLinksUsePunycodeHost() throws Exception {
        String sitemap = Files.readString(site.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("https://xn--"), sitemap.substring(0, Math.min(400, sitemap.length())));
        String canonical = page("index.html").selectFirst("link[rel=canonical]").attr("href");
        assertTrue(canonical.startsWith("https://xn--"), canonical);
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: https://xn--"));
    }

    @Test
    void theBuildReportStaysOutsideThePublishedSite() throws Exception {
        assertTrue(Files.exists(dir.resolve(".vitrina/report/build-report.json")));
        try (Stream<Path> files = Files.walk(site)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("build-report")));
        }
    }

    @Test
    void cssAndJsAreFingerprinted() throws Exception {
        Document home = page("index.html");
        home.select("link[rel=stylesheet], script[src]").forEach(e -> {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(url.matches("/assets/[a-z0-9-]+\\.[0-9a-f]{8}\\.(css|js)"), url);
        });
    }

    @Test
    void noPageLoadsAnythingFromAnotherHost() throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(p.toFile(), "UTF-8");
                d.select("script[src], link[rel=stylesheet], img[src], iframe").forEach(e -> {
                    String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                    assertTrue(url.startsWith("/"), p + ": third-party or relative resource " + url);
                });
            }
        }
    }

    @Test
    void buildingTwiceGivesByteIdenticalSites(@TempDir Path other) {
        BuildReport again = TestSites.build(TestSites.demoContent(), other);
        assertEquals(report.manifest(), again.manifest());
    }

    @Test
    void aRebuildReportsNoChangedFiles() {
        BuildReport again = TestSites.build(TestSites.demoContent(), dir);
        assertEquals(0, again.diff().changes().size(), () -> again.diff().changes().toString());
    }
}
