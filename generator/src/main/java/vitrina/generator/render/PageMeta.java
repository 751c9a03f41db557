package vitrina.generator.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.SiteConfig;

/**
 * What the head and the frame of a page need besides its content: title, description, breadcrumbs, the current
 * menu item, Open Graph data and pagination links.
 *
 * @param title       page title (without the site title)
 * @param description meta description
 * @param current     URL of the main-menu item to mark with aria-current, or null
 * @param crumbs      breadcrumbs above the title (the last one is the page itself), may be empty
 * @param image       absolute URL of the Open Graph image, or null
 * @param ogType      {@code website} or {@code article}
 * @param prev        URL of the previous page of a listing, or null
 * @param next        URL of the next page of a listing, or null
 * @param inSitemap   whether the page is listed in sitemap.xml
 * @param home        whether this is the home page (its title is the site title)
 */
record PageMeta(String title, String description, String current, List<Crumb> crumbs, String image,
                String ogType, String prev, String next, boolean inSitemap, boolean home) {

    /** One breadcrumb. */
    public record Crumb(String title, String url) {
    }

    static PageMeta of(String title, String description) {
        return new PageMeta(title, description, null, List.of(), null, "website", null, null, true, false);
    }

    PageMeta current(String url) {
        return new PageMeta(title, description, url, crumbs, image, ogType, prev, next, inSitemap, home);
    }

    PageMeta crumbs(List<Crumb> list) {
        return new PageMeta(title, description, current, List.copyOf(list), image, ogType, prev, next, inSitemap,
                home);
    }

    PageMeta image(String absoluteUrl, String type) {
        return new PageMeta(title, description, current, crumbs, absoluteUrl, type, prev, next, inSitemap, home);
    }

    PageMeta pagination(String prevUrl, String nextUrl) {
        return new PageMeta(title, description, current, crumbs, image, ogType, prevUrl, nextUrl, inSitemap, home);
    }

    PageMeta hidden() {
        return new PageMeta(title, description, current, crumbs, image, ogType, prev, next, false, home);
    }

    PageMeta asHome() {
        return new PageMeta(title, description, current, crumbs, image, ogType, prev, next, inSitemap, true);
    }

    Map<String, Object> view(SiteConfig site, String url) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", title);
        view.put("fullTitle", home || title.isEmpty() ? site.title() : title + " — " + site.title());
        view.put("description", description.isBlank() ? site.title() : description);
        view.put("url", url);
        view.put("canonical", Routes.absolute(site.asciiBaseUrl(), url));
        view.put("current", current);
        view.put("crumbs", crumbs);
        view.put("image", image);
        view.put("ogType", ogType);
        view.put("prev", prev);
        view.put("next", next);
        view.put("home", home);
        return view;
    }
}
