package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sitemaps stay within the protocol's 50,000 URLs a file at any size. */
class SiteFilesTest {
    private final SiteFiles files = new SiteFiles(TestSite.site(false));

    @Test
    void aSiteWithinTheLimitHasOneSitemap() {
        Map<String, String> maps = files.sitemaps(pages(3), 3);
        assertEquals(List.of("/sitemap.xml"), List.copyOf(maps.keySet()));
        assertEquals(3, count(maps.get("/sitemap.xml"), "<url>"));
        assertTrue(maps.get("/sitemap.xml").contains("<urlset"));
    }

    @Test
    void aLargerSiteGetsAnIndexOfPartsInUrlOrderWithEveryPageOnce() {
        Map<String, Optional<LocalDate>> pages = pages(7);
        Map<String, String> maps = files.sitemaps(pages, 3);
        assertEquals(List.of("/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml", "/sitemap.xml"),
                maps.keySet().stream().sorted().toList());
        String index = maps.get("/sitemap.xml");
        assertTrue(index.contains("<sitemapindex"), index);
        for (int n = 1; n <= 3; n++) {
            assertTrue(index.contains("sitemap-" + n + ".xml</loc>"), index);
        }
        // the newest page date of the part it is in
        assertTrue(index.contains("sitemap-1.xml</loc><lastmod>2026-04-03</lastmod>"), index);
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            String part = maps.get("/sitemap-" + n + ".xml");
            assertTrue(count(part, "<url>") <= 3);
            all.append(part);
        }
        Matcher m = Pattern.compile("<loc>[^<]*/p(\\d+)/</loc>").matcher(all);
        List<String> seen = new java.util.ArrayList<>();
        while (m.find()) {
            seen.add(m.group(1));
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), seen);
        assertEquals(files.sitemaps(pages, 3), files.sitemaps(new TreeMap<>(pages).descendingMap(), 3),
                "independent of the order pages were written in");
    }

    private static Map<String, Optional<LocalDate>> pages(int n) {
        Map<String, Optional<LocalDate>> pages = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            pages.put("/p" + i + "/", i % 2 == 0 ? Optional.of(LocalDate.of(2026, 4, 1 + i)) : Optional.empty());
        }
        return pages;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
