package vitrina.generator.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;

/**
 * Renders the site with Pebble. Stand pages are rendered one stand at a time (callers may call
 * {@link #renderStand} from several threads); listings, home, static pages, sitemap, feed, 404, robots.txt and the
 * fingerprinted theme assets come last from {@link #renderSite}.
 *
 * <p>Call order for complete pages: {@link #register} every stand and {@link #registerPages} the static pages
 * (so stand pages can name related stands and show the full header menu), then {@link #renderStand} for each
 * stand (any thread), then {@link #renderSite} once. Listings show the stands passed to {@link #renderStand}.
 */
public final class SiteRenderer {
    private final SiteConfig site;
    private final TemplateLookup lookup;
    private final ThemeAssets assets;
    private final PageWriter writer;
    private final StandPages standPages;
    private final Map<StandId, StandSummary> known = new ConcurrentHashMap<>();
    private final Map<StandId, StandSummary> rendered = new ConcurrentHashMap<>();
    private volatile ResultsView results;

    /**
     * @param themeDirs theme folders, most specific first (a site override folder, then themes/default)
     * @param site      the exhibition settings
     * @param sink      where pages go
     */
    public SiteRenderer(List<Path> themeDirs, SiteConfig site, OutputSink sink) {
        Objects.requireNonNull(themeDirs, "themeDirs");
        this.site = Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sink, "sink");
        this.lookup = new TemplateLookup(themeDirs);
        this.assets = ThemeAssets.scan(themeDirs);
        this.writer = new PageWriter(lookup, assets, site, sink);
        this.standPages = new StandPages(writer, site, id -> known.get(id), this::resultCard);
    }

    /** The template lookup in use (for {@code --verbose} output of the candidates tried). */
    public TemplateLookup templateLookup() {
        return lookup;
    }

    /** Makes a stand known by name and cover before rendering, so other stands can list it as related. */
    public void register(Stand stand, ImageSet cover) {
        Objects.requireNonNull(stand, "stand");
        known.put(stand.id(), StandSummary.of(stand, cover));
    }

    /** Sets the static pages shown in the header menu (in menu order); call before {@link #renderStand}. */
    public void registerPages(List<StaticPage> pages) {
        writer.setPagesMenu(pages.stream()
                .sorted(Comparator.comparingInt(StaticPage::order).thenComparing(StaticPage::slug))
                .map(p -> new PageWriter.MenuItem(p.title(), Routes.page(p.slug()))).toList());
    }

    /**
     * Sets the evaluation results and open data to show; call before {@link #renderStand} (stand pages then get
     * their result card when results are published). {@link #renderSite} then writes the open-data page and the
     * results pages, which the sitemap lists (verification pages excepted).
     */
    public void registerResults(ResultsView view) {
        this.results = Objects.requireNonNull(view, "view");
        writer.setDataUrl(Routes.data());
    }

    private ResultsView.Card resultCard(StandId id) {
        ResultsView view = results;
        return view == null || view.published() == null ? null : view.published().cards().get(id);
    }

    /** Writes {@code stands/<id>/index.html} and one page per further section; publishes photos and materials. */
    public void renderStand(StandContent content) {
        Objects.requireNonNull(content, "content");
        Stand stand = content.stand();
        ImageSet cover = stand.cover() == null ? null : content.images().get(stand.cover().path());
        StandSummary summary = StandSummary.of(stand, cover);
        known.putIfAbsent(stand.id(), summary);
        if (rendered.putIfAbsent(stand.id(), summary) != null) {
            throw new IllegalStateException("stand rendered twice: " + stand.id());
        }
        standPages.render(content);
    }

    /**
     * Accounts for a stand whose pages and files the caller took over unchanged from the previous build, exactly as
     * {@link #renderStand} would have: listings, sitemap and feed include it.
     *
     * @param images the stand's image variants by photo path (only its cover is used)
     */
    public void adoptStand(Stand stand, Map<String, ImageSet> images) {
        Objects.requireNonNull(stand, "stand");
        ImageSet cover = stand.cover() == null ? null : images.get(stand.cover().path());
        StandSummary summary = StandSummary.of(stand, cover);
        known.putIfAbsent(stand.id(), summary);
        if (rendered.putIfAbsent(stand.id(), summary) != null) {
            throw new IllegalStateException("stand rendered twice: " + stand.id());
        }
        for (Section s : stand.sections()) {
            writer.remember(Routes.section(stand.id(), s.slug()), stand.approved());
        }
    }

    /**
     * Lets the listings (home, catalog, regions, types, nominations) be taken over from the previous build page by
     * page when nothing a page shows changed; {@code siteKey} changes with the theme, site.yaml, pages and results;
     * {@code summaries} hashes what {@link #summary} shows of a stand (once per stand: it is on several listings).
     */
    public void reuseListings(PageReuse cache, String siteKey,
                              java.util.function.Function<StandSummary, String> summaries) {
        writer.reuse(cache, siteKey, summaries);
    }

    /** What a related-stands block shows of {@code id}, as registered; null when unknown. */
    public StandSummary summary(StandId id) {
        return known.get(id);
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
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(rendered, "rendered");
        registerPages(pages);
        List<StandSummary> stands = new ArrayList<>(this.rendered.values());
        stands.sort(ListingPages.BY_NAME);
        new ListingPages(writer, site, stands).renderAll(aboutUrl(pages));
        if (results != null) {
            new ResultsPages(writer, results, known::get).renderAll();
        }
        for (StaticPage page : pages) {
            RenderedMarkdown md = rendered.get(page.slug());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("html", md == null ? "" : md.html());
            String description = md == null ? "" : abbreviate(md.plainText(), 200);
            writer.write("page/single", Routes.page(page.slug()), PageMeta.of(page.title(), description)
                    .current(Routes.page(page.slug()))
                    .crumbs(List.of(new PageMeta.Crumb("Главная", Routes.home()),
                            new PageMeta.Crumb(page.title(), Routes.page(page.slug())))), model, null);
        }
        writer.write("search", Routes.search(), PageMeta.of("Поиск", "Поиск по стендам выставки.")
                .current(Routes.search()), Map.of(), null);
        writer.write("404", Routes.notFound(), PageMeta.of("Страница не найдена", "Такой страницы нет на сайте.")
                .hidden(), Map.of(), null);
        SiteFiles files = new SiteFiles(site);
        OutputSink sink = writer.sink();
        sink.writeString(Routes.file(Routes.manifest()), files.manifest(assets.findUrl("favicon.svg").orElse(null)));
        sink.writeString(Routes.file(Routes.feed()),
                files.feed(stands.stream().sorted(ListingPages.NEWEST_FIRST).toList()));
        files.sitemaps(writer.writtenPages()).forEach((path, xml) -> sink.writeString(Routes.file(path), xml));
        sink.writeString(Routes.file(Routes.robots()), files.robots());
        assets.publish(sink);
    }

    private static String aboutUrl(List<StaticPage> pages) {
        return pages.stream().filter(p -> p.slug().equals("about")).findFirst()
                .or(() -> pages.stream().findFirst()).map(p -> Routes.page(p.slug())).orElse(null);
    }

    private static String abbreviate(String text, int max) {
        String s = text.strip();
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
