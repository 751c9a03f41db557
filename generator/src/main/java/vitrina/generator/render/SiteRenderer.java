package vitrina.generator.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.StaticPage;

/**
 * Renders the site with Pebble. Stand pages are rendered one stand at a time (callers may call
 * {@link #renderStand} from several threads); listings, home, static pages, sitemap, feed, 404, robots.txt and the
 * fingerprinted theme assets come last from {@link #renderSite}.
 */
public final class SiteRenderer {
    /**
     * @param themeDirs theme folders, most specific first (a site override folder, then themes/default)
     * @param site      the exhibition settings
     * @param sink      where pages go
     */
    public SiteRenderer(List<Path> themeDirs, SiteConfig site, OutputSink sink) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Makes a stand known before any stand is rendered (for listings and related-stand names).
     *
     * @param cover the stand's cover image variants, or null
     */
    public void register(vitrina.generator.model.Stand stand, vitrina.generator.model.ImageSet cover) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Writes {@code stands/<id>/index.html} and one page per further section; publishes photos and materials. */
    public void renderStand(StandContent content) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Writes everything that lists stands (home, catalog with pagination, regions, types, nominations, sitemap.xml,
     * feed.xml), plus static pages, search page, 404, robots.txt and the fingerprinted theme assets. Uses the
     * summaries collected by {@link #renderStand}; call once, after every stand.
     *
     * @param pages    static pages in menu order
     * @param rendered their rendered Markdown by slug
     */
    public void renderSite(List<StaticPage> pages, Map<String, RenderedMarkdown> rendered) {
        throw new UnsupportedOperationException("not yet written");
    }
}
