package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.LinkChecker;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;

class SiteRendererTest {
    private static final String ASCII_HOST = "https://xn--80aafao1ahxdumhf1eg.xn--p1ai/";

    @TempDir Path tmp;

    private List<StandContent> smallSite() {
        List<StandContent> stands = new ArrayList<>();
        stands.add(TestSite.rich(tmp, "sochi-school-12", TestSite.org("МБОУ СОШ № 12", 23, OrgType.SCHOOL),
                List.of("innovation"), LocalDate.of(2026, 4, 1),
                List.of(new StandId("gimnaziya-5"), new StandId("never-registered"))));
        stands.add(TestSite.content(TestSite.stand("gimnaziya-12", TestSite.org("Гимназия № 12", 77,
                OrgType.GYMNASIUM), List.of("upbringing"), null)));
        stands.add(TestSite.content(TestSite.stand("gimnaziya-5", TestSite.org("Гимназия № 5", 77,
                OrgType.GYMNASIUM), List.of("innovation", "upbringing"), LocalDate.of(2026, 5, 10))));
        stands.add(TestSite.content(TestSite.stand("yolochka", TestSite.org("Ёлочка", 50, OrgType.KINDERGARTEN),
                List.of(), LocalDate.of(2026, 3, 20))));
        stands.add(TestSite.content(TestSite.stand("elan", TestSite.org("Елань", 50, OrgType.SCHOOL),
                List.of(), null)));
        stands.add(TestSite.content(TestSite.stand("zhemchuzhina", TestSite.org("Жемчужина", 16, OrgType.LYCEUM),
                List.of(), null)));
        return stands;
    }

    private static final List<StaticPage> PAGES = List.of(
            new StaticPage("about", "О выставке", 1, "pages/about.md", "# О выставке", 1),
            new StaticPage("faq", "Вопросы и ответы", 2, "pages/faq.md", "# FAQ", 1));

    private MemorySink render(SiteConfig site, List<Path> themes, List<StandContent> stands) {
        MemorySink sink = new MemorySink();
        SiteRenderer renderer = new SiteRenderer(themes, site, sink);
        renderer.registerPages(PAGES);
        stands.forEach(c -> renderer.register(c.stand(), null));
        stands.forEach(renderer::renderStand);
        renderer.renderSite(PAGES, Map.of("about", TestSite.md("<p>Положение о выставке.</p>"),
                "faq", TestSite.md("<p>Ответы.</p>")));
        return sink;
    }

    private MemorySink renderSmallSite() {
        return render(TestSite.site(true), List.of(TestSite.defaultTheme()), smallSite());
    }

    private static Document html(MemorySink sink, String path) {
        return Jsoup.parse(sink.text(path));
    }

    private static List<String> cardTitles(Document doc) {
        return doc.select(".card__title a").eachText();
    }

    @Test
    void homeShowsDatesFiguresWithRussianPluralsNominationCountsAndNewestStands() {
        Document home = html(renderSmallSite(), "index.html");
        assertEquals("Творчески работающие коллективы школ России", home.selectFirst("h1").text());
        assertTrue(home.select(".hero__dates").text().contains("17 марта — 7 августа 2026 г."));
        assertEquals(List.of("6 стендов", "4 региона", "2 материала"), home.select(".figure-stat").eachText());
        List<String> nominations = home.select("#nominations-title + .term-list .term").eachText();
        assertEquals(List.of("Инновационные подходы в образовании 2 стенда", "Воспитательная работа 2 стенда",
                "Здоровьесбережение 0 стендов"), nominations);
        assertEquals(List.of("Гимназия № 5", "МБОУ СОШ № 12", "Ёлочка", "Гимназия № 12", "Елань", "Жемчужина"),
                cardTitles(home));
        assertNotNull(home.selectFirst("a[href=/about/]:contains(О выставке)"));
        assertNotNull(home.selectFirst(".hero a[href=/catalog/]"));
    }

    @Test
    void standPageHoldsOrgCardMaterialsGalleryVoteAndRelatedStands() {
        MemorySink sink = renderSmallSite();
        Document page = html(sink, "stands/sochi-school-12/index.html");
        assertEquals("МБОУ СОШ № 12", page.selectFirst("h1").text());
        assertEquals("Полное наименование: МБОУ СОШ № 12", page.selectFirst(".stand__fullname").text());
        assertEquals(List.of("Главная", "Каталог", "МБОУ СОШ № 12"), page.select(".breadcrumbs li").eachText());
        String card = page.selectFirst(".org-card").text();
        for (String expected : List.of("Школа", "Краснодарский край", "Сочи", "ул. Юных ленинцев, 5",
                "Директор", "Иванова Мария Петровна", "school12.example.ru", "1965", "ИНН 2320112885",
                "ОГРН 1032311683172", "Л035-01218-23/00000000 от 12 мая 2015 г.")) {
            assertTrue(card.contains(expected), () -> expected + " missing in: " + card);
        }
        assertEquals("/nominations/innovation/", page.selectFirst(".stand__nominations a").attr("href"));
        Element current = page.selectFirst(".stand-nav a[aria-current=page]");
        assertEquals("О школе", current.text());

        List<Element> materials = page.select(".material");
        assertEquals(2, materials.size());
        Element pdf = materials.get(0).selectFirst("a");
        assertEquals("/stands/sochi-school-12/files/programma.pdf", pdf.attr("href"));
        assertEquals("Программа.pdf", pdf.attr("download"));
        assertTrue(materials.get(0).text().contains("PDF, 1,2 МБ"));
        assertTrue(materials.get(1).text().contains("DOCX, 340 КБ"));
        assertEquals("pdf", sink.text("stands/sochi-school-12/files/programma.pdf"));

        List<Element> figures = page.select(".gallery figure");
        assertEquals(2, figures.size());
        Element img = figures.get(0).selectFirst("img");
        assertEquals("/stands/sochi-school-12/gallery/01.1a2b3c4d.640.jpg 640w, "
                + "/stands/sochi-school-12/gallery/01.1a2b3c4d.1280.jpg 1280w", img.attr("srcset"));
        assertEquals("640", img.attr("width"));
        assertEquals("480", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("async", img.attr("decoding"));
        assertFalse(img.attr("sizes").isEmpty());
        assertEquals("Открытие технопарка «Точка роста»", img.attr("alt"));
        assertEquals("Открытие технопарка «Точка роста»", figures.get(0).selectFirst("figcaption").text());
        assertEquals("Фото: МБОУ СОШ № 12", figures.get(1).selectFirst("img").attr("alt"));
        assertTrue(sink.has("stands/sochi-school-12/gallery/02.1a2b3c4d.1280.jpg"));

        Element vote = page.selectFirst("section.vote");
        assertEquals("https://vote.example.org", vote.attr("data-vote-endpoint"));
        assertEquals("sochi-school-12", vote.attr("data-stand"));
        assertEquals("innovation", vote.attr("data-nominations"));
        assertEquals("2026-05-01", vote.attr("data-vote-from"));
        assertEquals("2026-07-31", vote.attr("data-vote-to"));
        assertEquals("vote-title", vote.attr("aria-labelledby"));
        assertNotNull(vote.selectFirst("p.vote__nojs"));

        assertEquals(List.of("Гимназия № 5"), page.select(".related a").eachText());
        assertEquals(ASCII_HOST + "stands/sochi-school-12/gallery/01.1a2b3c4d.1280.jpg",
                page.selectFirst("meta[property=og:image]").attr("content"));
    }

    @Test
    void furtherSectionsGetTheirOwnPagesWithoutMaterialsOrVote() {
        Document methods = html(renderSmallSite(), "stands/sochi-school-12/methods/index.html");
        assertEquals("Методики", methods.selectFirst(".stand-nav a[aria-current=page]").text());
        assertTrue(methods.selectFirst(".prose").text().contains("Проекты."));
        assertTrue(methods.select(".materials, .gallery, section.vote").isEmpty());
        assertEquals(ASCII_HOST + "stands/sochi-school-12/methods/",
                methods.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void noVoteWidgetWithoutVotingAndResultsLinkOnlyWhenPublished() {
        SiteConfig base = TestSite.site(false);
        SiteConfig published = new SiteConfig(base.title(), base.baseUrl(), base.asciiBaseUrl(), "ru", base.from(),
                base.to(), base.contacts(), base.nominations(), null,
                new SiteConfig.Evaluation(Map.of("experts", 1.0), 900, true), null, null);
        MemorySink withoutVoting = render(base, List.of(TestSite.defaultTheme()), smallSite());
        assertTrue(html(withoutVoting, "stands/sochi-school-12/index.html").select("section.vote").isEmpty());
        assertTrue(html(withoutVoting, "index.html").select("footer a[href=/results/]").isEmpty());
        MemorySink withResults = render(published, List.of(TestSite.defaultTheme()), smallSite());
        assertEquals("Результаты", html(withResults, "index.html").selectFirst("footer a[href=/results/]").text());
    }

    @Test
    void catalogSortsNumbersByValueAndYoBesideYe() {
        Document catalog = html(renderSmallSite(), "catalog/index.html");
        assertEquals(List.of("Гимназия № 5", "Гимназия № 12", "Елань", "Ёлочка", "Жемчужина", "МБОУ СОШ № 12"),
                cardTitles(catalog));
        Element card = catalog.selectFirst(".card");
        assertTrue(card.text().contains("Гимназия · Сочи, Москва"), card.text());
        assertTrue(card.text().contains("Школа, где учат думать."));
    }

    @Test
    void thirtyStandsMakeTwoCatalogPagesLinkedByRelPrevAndNext() {
        List<StandContent> stands = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            stands.add(TestSite.content(TestSite.stand("school-" + i, TestSite.org("Школа № " + i, 23,
                    OrgType.SCHOOL), List.of(), null)));
        }
        MemorySink sink = render(TestSite.site(false), List.of(TestSite.defaultTheme()), stands);
        Document first = html(sink, "catalog/index.html");
        Document second = html(sink, "catalog/page/2/index.html");
        assertFalse(sink.has("catalog/page/3/index.html"));
        assertEquals(24, first.select(".card").size());
        assertEquals(6, second.select(".card").size());
        assertEquals("Школа № 1", cardTitles(first).get(0));
        assertEquals("Школа № 24", cardTitles(first).get(23));
        assertEquals("Школа № 25", cardTitles(second).get(0));
        assertEquals("/catalog/page/2/", first.selectFirst("link[rel=next]").attr("href"));
        assertEquals("/catalog/page/2/", first.selectFirst(".pager a[rel=next]").attr("href"));
        assertTrue(first.select("link[rel=prev]").isEmpty());
        assertEquals("/catalog/", second.selectFirst("link[rel=prev]").attr("href"));
        assertEquals("2", second.selectFirst(".pager a[aria-current=page]").text());
        assertEquals(6, html(sink, "regions/23/page/2/index.html").select(".card").size());
        assertTrue(sink.text("sitemap.xml").contains("/catalog/page/2/</loc>"));
    }

    @Test
    void filterPagesExistOnlyForValuesWithStandsWhileIndexesListAllWithCounts() {
        MemorySink sink = renderSmallSite();
        assertEquals(List.of("Гимназия № 5", "Гимназия № 12"), cardTitles(html(sink, "regions/77/index.html")));
        assertEquals("Москва", html(sink, "regions/77/index.html").selectFirst("h1").text());
        assertEquals(List.of("Гимназия № 5", "Гимназия № 12"), cardTitles(html(sink, "types/gymnasium/index.html")));
        assertEquals(List.of("Гимназия № 5", "Гимназия № 12"),
                cardTitles(html(sink, "nominations/upbringing/index.html")));
        assertFalse(sink.has("nominations/sport/index.html"));
        assertFalse(sink.has("types/college/index.html"));
        assertFalse(sink.has("regions/01/index.html"));

        Document nominations = html(sink, "nominations/index.html");
        assertEquals(List.of("Инновационные подходы в образовании 2 стенда", "Воспитательная работа 2 стенда",
                "Здоровьесбережение 0 стендов"), nominations.select(".term").eachText());
        assertTrue(nominations.select("a[href=/nominations/sport/]").isEmpty());
        Document types = html(sink, "types/index.html");
        assertEquals(OrgType.values().length, types.select(".term").size());
        assertTrue(types.text().contains("Гимназии 2 стенда"));
        Document regions = html(sink, "regions/index.html");
        assertEquals(List.of("/regions/16/", "/regions/23/", "/regions/50/", "/regions/77/"),
                regions.select(".term a").eachAttr("href"));
        assertTrue(regions.selectFirst("details").text().contains("Республика Адыгея"));
    }

    @Test
    void sitemapRobotsFeedAndCanonicalLinksUseThePunycodeHost() {
        MemorySink sink = renderSmallSite();
        String sitemap = sink.text("sitemap.xml");
        assertTrue(sitemap.contains("<loc>" + ASCII_HOST + "</loc>"));
        assertTrue(sitemap.contains("<loc>" + ASCII_HOST + "stands/sochi-school-12/</loc><lastmod>2026-04-01</lastmod>"));
        assertTrue(sitemap.contains("<loc>" + ASCII_HOST + "stands/sochi-school-12/methods/</loc>"));
        assertTrue(sitemap.contains("<loc>" + ASCII_HOST + "about/</loc>"));
        assertTrue(sitemap.contains("<loc>" + ASCII_HOST + "regions/77/</loc>"));
        assertFalse(sitemap.contains("404.html"));
        assertFalse(sitemap.contains("ШколаТворчества"));
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: " + ASCII_HOST + "sitemap.xml\n", sink.text("robots.txt"));

        Document feed = Jsoup.parse(sink.text("feed.xml"), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals("2026-05-10T00:00:00Z", feed.selectFirst("feed > updated").text());
        List<String> entries = feed.select("entry > title").eachText();
        assertEquals("Гимназия № 5", entries.get(0));
        assertEquals("МБОУ СОШ № 12", entries.get(1));

        for (Map.Entry<String, byte[]> file : sink.files().entrySet()) {
            if (file.getKey().endsWith(".html")) {
                Document doc = Jsoup.parse(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
                assertTrue(canonical.startsWith(ASCII_HOST), file.getKey() + ": " + canonical);
                String expected = ASCII_HOST + file.getKey().replaceFirst("index\\.html$", "");
                assertEquals(expected, canonical);
            }
        }
    }

    @Test
    void everyPageIsAccessibleRussianAndLinksOnlyToWrittenFiles() {
        MemorySink sink = renderSmallSite();
        assertEquals(List.of(), LinkChecker.check(sink.files()));
        for (Map.Entry<String, byte[]> file : sink.files().entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            String name = file.getKey();
            Document doc = Jsoup.parse(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("ru", doc.selectFirst("html").attr("lang"), name);
            assertEquals("Перейти к содержанию", doc.selectFirst("body > a.skip-link[href=#main]").text(), name);
            assertEquals(1, doc.select("header.site-header").size(), name);
            assertEquals(1, doc.select("main#main").size(), name);
            assertEquals(1, doc.select("footer.site-footer").size(), name);
            assertEquals(1, doc.select("h1").size(), name);
            assertFalse(doc.selectFirst("meta[name=description]").attr("content").isBlank(), name);
            assertEquals("ru_RU", doc.selectFirst("meta[property=og:locale]").attr("content"), name);
            for (Element img : doc.select("img")) {
                assertTrue(img.hasAttr("alt"), name + ": " + img);
            }
            Element input = doc.selectFirst("form.site-search input#site-search-q");
            assertNotNull(doc.selectFirst("label[for=site-search-q]"), name);
            assertEquals("q", input.attr("name"));
            assertTrue(doc.select("script[src^=http], link[href^=http][rel=stylesheet]").isEmpty(), name);
            assertTrue(doc.select("script:not([src])").isEmpty(), name + " has an inline script");
            // Without JS the toggle is hidden by CSS (html:not(.js) .a11y-toggle), not by an attribute that a
            // script would remove after the first paint (a layout shift); the panel itself starts hidden.
            assertEquals("a11y-panel", doc.selectFirst("#a11y-toggle").attr("aria-controls"), name);
            assertTrue(doc.selectFirst("#a11y-panel").hasAttr("hidden"), name);
            assertTrue(doc.selectFirst("footer").text().contains("Сайт не использует сторонние счётчики и трекеры"));
            assertEquals(List.of("Каталог", "Регионы", "Номинации", "О выставке", "Вопросы и ответы"),
                    doc.select("nav.main-nav a").eachText(), name);
        }
        Document search = html(sink, "search/index.html");
        assertEquals("/search/", search.selectFirst("#search-app").attr("data-index-base"));
        assertTrue(sink.text("search/index.html").contains("<noscript>"));
        assertEquals("Положение о выставке.", html(sink, "about/index.html").selectFirst(".prose p").text());
        assertEquals("page", html(sink, "about/index.html")
                .selectFirst("nav.main-nav a[href=/about/]").attr("aria-current"));
        assertTrue(sink.has("404.html"));
        assertTrue(sink.text("manifest.webmanifest").contains("\"icons\""));
    }

    @Test
    void hostileNamesAreEscapedAndNeverBecomeScriptElements() {
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        Stand stand = TestSite.stand("hostile", TestSite.org(hostile, 23, OrgType.SCHOOL), List.of("innovation"),
                LocalDate.of(2026, 4, 2));
        MemorySink sink = render(TestSite.site(true), List.of(TestSite.defaultTheme()),
                List.of(TestSite.content(stand)));
        for (String path : List.of("stands/hostile/index.html", "catalog/index.html", "index.html",
                "regions/23/index.html", "nominations/innovation/index.html")) {
            Document doc = html(sink, path);
            assertTrue(doc.select("script:not([src])").isEmpty(), path);
            assertTrue(doc.select("img[onerror]").isEmpty(), path);
            assertTrue(doc.text().contains(hostile), path);
        }
        assertTrue(sink.text("feed.xml").contains("&lt;script&gt;"));
    }

    @Test
    void siteOverrideFolderReplacesASingleTemplateIncludedByTheTheme() throws IOException {
        Path override = tmp.resolve("site-theme");
        Files.createDirectories(override.resolve("templates/partials"));
        Files.writeString(override.resolve("templates/partials/footer.peb"),
                "<footer class=\"site-footer\"><p>Свой подвал: {{ site.title }}</p></footer>");
        MemorySink sink = render(TestSite.site(false), List.of(override, TestSite.defaultTheme()), smallSite());
        Document home = html(sink, "index.html");
        assertEquals("Свой подвал: Творчески работающие коллективы школ России", home.selectFirst("footer").text());
        assertNotNull(home.selectFirst("header.site-header"));
        assertEquals("Свой подвал: Творчески работающие коллективы школ России",
                html(sink, "stands/gimnaziya-5/index.html").selectFirst("footer").text());
    }

    @Test
    void assetsArePublishedFingerprintedAndReferencedThroughTheAssetFunction() throws IOException {
        Path override = tmp.resolve("site-theme");
        Files.createDirectories(override.resolve("assets"));
        Files.writeString(override.resolve("assets/search.js"), "/* search */");
        Files.writeString(override.resolve("assets/search.css"), "/* search */");
        Files.writeString(override.resolve("assets/vote.js"), "/* vote */");
        MemorySink sink = render(TestSite.site(true), List.of(override, TestSite.defaultTheme()), smallSite());
        Document stand = html(sink, "stands/sochi-school-12/index.html");
        String css = stand.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("/assets/site\\.[0-9a-f]{8}\\.css"), css);
        assertTrue(sink.has(css.substring(1)));
        assertTrue(stand.selectFirst("head script").attr("src").matches("/assets/a11y-init\\.[0-9a-f]{8}\\.js"));
        List<String> deferred = stand.select("body script[defer]").eachAttr("src");
        assertEquals(3, deferred.size(), deferred.toString());
        assertTrue(deferred.get(1).matches("/assets/search\\.[0-9a-f]{8}\\.js"));
        assertTrue(deferred.get(2).matches("/assets/vote\\.[0-9a-f]{8}\\.js"));
        assertNotNull(stand.selectFirst("link[href~=/assets/search\\.[0-9a-f]{8}\\.css]"));
        assertTrue(html(sink, "catalog/index.html").select("script[src*=vote]").isEmpty());
        assertEquals(List.of(), LinkChecker.check(sink.files()));
    }

    @Test
    void renderingTwiceInParallelGivesByteIdenticalOutput() {
        MemorySink sequential = renderSmallSite();
        MemorySink sink = new MemorySink();
        SiteRenderer renderer = new SiteRenderer(List.of(TestSite.defaultTheme()), TestSite.site(true), sink);
        renderer.registerPages(PAGES);
        List<StandContent> stands = smallSite();
        stands.forEach(c -> renderer.register(c.stand(), null));
        List<StandContent> reversed = new ArrayList<>(stands);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(renderer::renderStand);
        renderer.renderSite(PAGES, Map.of("about", TestSite.md("<p>Положение о выставке.</p>"),
                "faq", TestSite.md("<p>Ответы.</p>")));
        assertEquals(sequential.files().keySet(), sink.files().keySet());
        for (String path : sequential.files().keySet()) {
            assertArrayEquals(sequential.files().get(path), sink.files().get(path), path);
        }
    }

    @Test
    void standPageStaysSmallWithoutPhotos() {
        MemorySink sink = renderSmallSite();
        long total = 0;
        Document page = html(sink, "stands/sochi-school-12/index.html");
        total += gzip(sink.files().get("stands/sochi-school-12/index.html"));
        for (Element el : page.select("link[rel=stylesheet], script[src]")) {
            String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            total += gzip(sink.files().get(url.substring(1)));
        }
        assertTrue(total < 60 * 1024, "stand page weighs " + total + " bytes compressed");
    }

    private static long gzip(byte[] content) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(content);
            }
            return out.size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
