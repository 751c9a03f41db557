package vitrina.generator.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vitrina.generator.model.SiteConfig;

/**
 * The machine-read files: sitemap.xml (every page, absolute punycode URLs; an index of parts past 50,000 pages),
 * robots.txt, the Atom feed of newest stands and the web app manifest. Dates come from the content (approval dates, exposition), never from the clock.
 */
final class SiteFiles {
    private static final int FEED_SIZE = 30;
    /** URLs in one sitemap file at most (sitemaps.org: 50,000 and 50 MB; ours are about 120 bytes a URL). */
    static final int SITEMAP_URLS = 50_000;

    private final SiteConfig site;

    SiteFiles(SiteConfig site) {
        this.site = site;
    }

    /**
     * The sitemap files by site path. The protocol allows 50,000 URLs a file (search engines ignore the rest), and
     * 50,000 stands have about 300,000 pages: past the limit, {@code sitemap.xml} is an index of
     * {@code sitemap-1.xml}, {@code sitemap-2.xml}… of {@link #SITEMAP_URLS} URLs each, in URL order.
     */
    Map<String, String> sitemaps(Map<String, Optional<LocalDate>> pages) {
        return sitemaps(pages, SITEMAP_URLS);
    }

    Map<String, String> sitemaps(Map<String, Optional<LocalDate>> pages, int perFile) {
        List<Map.Entry<String, Optional<LocalDate>>> sorted = pages.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        Map<String, String> files = new java.util.LinkedHashMap<>();
        if (sorted.size() <= perFile) {
            files.put(Routes.sitemap(), urlset(sorted));
            return files;
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int from = 0, n = 1; from < sorted.size(); from += perFile, n++) {
            List<Map.Entry<String, Optional<LocalDate>>> part = sorted.subList(from,
                    Math.min(sorted.size(), from + perFile));
            files.put(Routes.sitemapPart(n), urlset(part));
            index.append("  <sitemap><loc>").append(xml(absolute(Routes.sitemapPart(n)))).append("</loc>");
            part.stream().map(Map.Entry::getValue).flatMap(Optional::stream).max(LocalDate::compareTo)
                    .ifPresent(d -> index.append("<lastmod>").append(d).append("</lastmod>"));
            index.append("</sitemap>\n");
        }
        files.put(Routes.sitemap(), index.append("</sitemapindex>\n").toString());
        return files;
    }

    private String urlset(List<Map.Entry<String, Optional<LocalDate>>> pages) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Map.Entry<String, Optional<LocalDate>> e : pages) {
            xml.append("  <url><loc>").append(xml(absolute(e.getKey()))).append("</loc>");
            e.getValue().ifPresent(d -> xml.append("<lastmod>").append(d).append("</lastmod>"));
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    String robots() {
        return "User-agent: *\nAllow: /\n\nSitemap: " + absolute(Routes.sitemap()) + "\n";
    }

    /** Atom feed of the newest stands; a stand's date is its approval date, else the exposition's first day. */
    String feed(List<StandSummary> newestFirst) {
        List<StandSummary> dated = newestFirst.stream().filter(s -> date(s) != null).limit(FEED_SIZE).toList();
        LocalDate updated = dated.isEmpty() ? (site.from() == null ? LocalDate.of(2000, 1, 1) : site.from())
                : dated.stream().map(this::date).max(LocalDate::compareTo).orElseThrow();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n")
                .append("  <title>").append(xml(site.title())).append("</title>\n")
                .append("  <subtitle>Новые стенды выставки</subtitle>\n")
                .append("  <id>").append(xml(absolute(Routes.home()))).append("</id>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(absolute(Routes.home())))
                .append("\"/>\n")
                .append("  <link rel=\"self\" href=\"").append(xml(absolute(Routes.feed()))).append("\"/>\n")
                .append("  <updated>").append(stamp(updated)).append("</updated>\n")
                .append("  <author><name>").append(xml(site.title())).append("</name></author>\n");
        for (StandSummary s : dated) {
            String url = absolute(s.url());
            xml.append("  <entry>\n")
                    .append("    <title>").append(xml(s.shortName())).append("</title>\n")
                    .append("    <id>").append(xml(url)).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(url)).append("\"/>\n")
                    .append("    <updated>").append(stamp(date(s))).append("</updated>\n")
                    .append("    <summary>").append(xml(summary(s))).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** The web app manifest (JSON): name, colours and the SVG icon. */
    String manifest(String iconUrl) {
        StringBuilder json = new StringBuilder("{\n")
                .append("  \"name\": ").append(json(site.title())).append(",\n")
                .append("  \"short_name\": ").append(json(shortTitle())).append(",\n")
                .append("  \"lang\": \"ru\",\n")
                .append("  \"start_url\": \"/\",\n")
                .append("  \"display\": \"browser\",\n")
                .append("  \"background_color\": \"#ffffff\",\n")
                .append("  \"theme_color\": \"#0b4f9c\"");
        if (iconUrl != null) {
            json.append(",\n  \"icons\": [{\"src\": ").append(json(iconUrl))
                    .append(", \"sizes\": \"any\", \"type\": \"image/svg+xml\"}]");
        }
        return json.append("\n}\n").toString();
    }

    private String shortTitle() {
        String title = site.title();
        return title.length() <= 24 ? title : "Выставка";
    }

    private LocalDate date(StandSummary s) {
        return s.approved() != null ? s.approved() : site.from();
    }

    private static String summary(StandSummary s) {
        String summary = s.org().summary().strip();
        String where = s.org().city() + ", " + s.org().region().name();
        return summary.isEmpty() ? s.org().name() + " (" + where + ")" : summary;
    }

    private String absolute(String url) {
        return Routes.absolute(site.asciiBaseUrl(), url);
    }

    private static String stamp(LocalDate date) {
        return date + "T00:00:00Z";
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    static String json(String text) {
        return vitrina.generator.model.JsonText.quote(text);
    }
}
