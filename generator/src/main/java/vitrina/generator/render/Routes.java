package vitrina.generator.render;

import vitrina.generator.model.StandId;

/**
 * The site's URL scheme (ARCHITECTURE.md "Site URLs"): root-relative, lowercase latin, trailing slash for pages.
 * {@link #file(String)} turns a page URL into its output path.
 */
public final class Routes {
    private Routes() {
    }

    public static String home() {
        return "/";
    }

    public static String stand(StandId id) {
        return "/stands/" + id.value() + "/";
    }

    /** The stand's main page for {@code index}, otherwise {@code /stands/<id>/<slug>/}. */
    public static String section(StandId id, String slug) {
        return "index".equals(slug) ? stand(id) : stand(id) + slug + "/";
    }

    public static String material(StandId id, String urlName) {
        return stand(id) + "files/" + urlName;
    }

    /** An image variant, by its content-hashed file name. */
    public static String image(StandId id, String variantFileName) {
        return stand(id) + "gallery/" + variantFileName;
    }

    public static String catalog(int page) {
        return paged("/catalog/", page);
    }

    /** Page {@code n} of a paginated listing at {@code base}: {@code /regions/23/} → {@code /regions/23/page/2/}. */
    public static String paged(String base, int page) {
        return page <= 1 ? base : base + "page/" + page + "/";
    }

    public static String regions() {
        return "/regions/";
    }

    public static String types() {
        return "/types/";
    }

    public static String nominations() {
        return "/nominations/";
    }

    public static String sitemap() {
        return "/sitemap.xml";
    }

    /** Part {@code n} (from 1) of a sitemap too large for one file; {@link #sitemap()} is then their index. */
    public static String sitemapPart(int n) {
        return "/sitemap-" + n + ".xml";
    }

    public static String robots() {
        return "/robots.txt";
    }

    public static String feed() {
        return "/feed.xml";
    }

    public static String notFound() {
        return "/404.html";
    }

    public static String manifest() {
        return "/manifest.webmanifest";
    }

    /** The absolute URL of a site URL under a base URL ending with "/": used with the punycode base. */
    public static String absolute(String baseUrl, String url) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (url.startsWith("/") ? url : "/" + url);
    }

    public static String region(String slug) {
        return "/regions/" + slug + "/";
    }

    public static String type(String typeId) {
        return "/types/" + typeId + "/";
    }

    public static String nomination(String id) {
        return "/nominations/" + id + "/";
    }

    public static String search() {
        return "/search/";
    }

    public static String results() {
        return "/results/";
    }

    public static String resultsMethodology() {
        return "/results/methodology/";
    }

    /** Results of one region by its two-digit code: {@code /results/regions/02/}. */
    public static String resultsRegion(String regionSlug) {
        return "/results/regions/" + regionSlug + "/";
    }

    /** The verification page of a diploma or certificate. */
    public static String resultsVerify(String number) {
        return "/results/verify/" + number + "/";
    }

    /** The open-data page, listing the downloads under {@code /data/}. */
    public static String data() {
        return "/data/";
    }

    /** An open-data download: {@code /data/results.csv}. */
    public static String dataFile(String name) {
        return "/data/" + name;
    }

    public static String page(String slug) {
        return "/" + slug + "/";
    }

    /** Output path for a URL: {@code /stands/x/} → {@code stands/x/index.html}; {@code /a/b.xml} → {@code a/b.xml}. */
    public static String file(String url) {
        String path = url.startsWith("/") ? url.substring(1) : url;
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }
}
