package vitrina.generator.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.SiteConfig;

/**
 * Renders one page with the template found for its kind, adds what every page shares (the site, the menu, the
 * canonical URL) and writes it to the sink. Remembers every page URL written, for the sitemap. Thread-safe.
 */
final class PageWriter {
    /** One header menu entry. */
    public record MenuItem(String title, String url) {
    }

    private final PebbleEngine engine;
    private final TemplateLookup lookup;
    private final SiteConfig site;
    private final OutputSink sink;
    private final ThemeAssets assets;
    private volatile List<MenuItem> pagesMenu = List.of();
    private volatile String dataUrl;
    private final NavigableMap<String, Optional<LocalDate>> written = new ConcurrentSkipListMap<>();
    private volatile PageReuse reuse;
    private volatile String reuseKey;
    private volatile java.util.function.Function<StandSummary, String> summaryPrint;

    PageWriter(TemplateLookup lookup, ThemeAssets assets, SiteConfig site, OutputSink sink) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.site = Objects.requireNonNull(site, "site");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.engine = new PebbleEngine.Builder()
                .loader(new ThemeLoader(lookup))
                .extension(new VitrinaExtension(assets))
                .autoEscaping(true)
                .newLineTrimming(true)
                .strictVariables(false)
                .build();
    }

    void setPagesMenu(List<MenuItem> items) {
        pagesMenu = List.copyOf(items);
    }

    /** The open-data page's URL for the footer, or null when the site has none. */
    void setDataUrl(String url) {
        dataUrl = url;
    }

    /**
     * Renders {@code kind} to the file of {@code url}.
     *
     * @param meta    title, description and the like (see {@link PageMeta})
     * @param model   the page's own variables
     * @param lastmod the date for the sitemap, or null
     */
    void write(String kind, String url, PageMeta meta, Map<String, Object> model, LocalDate lastmod) {
        String html = render(lookup.resolve(kind), url, meta, model);
        sink.writeString(Routes.file(url), html);
        if (meta.inSitemap()) {
            written.put(url, Optional.ofNullable(lastmod));
        }
    }

    /**
     * Like {@link #write}, but takes the page over from the previous build when {@link #reuse} was given a cache
     * and nothing the page is made of changed: the template, the page's variables and those every page shares, the
     * site's key (theme, site.yaml, pages, results).
     */
    void writeReusable(String kind, String url, PageMeta meta, Map<String, Object> model, LocalDate lastmod) {
        PageReuse cache = reuse;
        if (cache == null) {
            write(kind, url, meta, model, lastmod);
            return;
        }
        String template = lookup.resolve(kind);
        StringBuilder key = new StringBuilder(reuseKey).append('\n').append(template).append('\n').append(url);
        fingerprint(key.append('\n'), siteView());
        fingerprint(key.append('\n'), meta.view(site, url));
        fingerprint(key.append('\n'), model);
        String pageKey = sha256(key.toString());
        String file = Routes.file(url);
        if (cache.reuse(file, pageKey)) {
            if (meta.inSitemap()) {
                written.put(url, Optional.ofNullable(lastmod));
            }
            return;
        }
        write(kind, url, meta, model, lastmod);
        cache.stored(file, pageKey);
    }

    /**
     * Pages written with {@link #writeReusable} are looked up in {@code cache}; {@code key}: the site's key;
     * {@code summaries}: a hash of what a stand's summary shows.
     */
    void reuse(PageReuse cache, String key, java.util.function.Function<StandSummary, String> summaries) {
        this.reuseKey = Objects.requireNonNull(key, "key");
        this.summaryPrint = Objects.requireNonNull(summaries, "summaries");
        this.reuse = Objects.requireNonNull(cache, "cache");
    }

    /** A value's content as text: maps by sorted key (Map.of has no fixed order), stands by their summary's hash. */
    private void fingerprint(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sb.append('{');
            sorted.forEach((k, v) -> {
                sb.append(k).append('=');
                fingerprint(sb, v);
                sb.append(',');
            });
            sb.append('}');
        } else if (value instanceof java.util.Collection<?> list) {
            sb.append('[');
            for (Object v : list) {
                fingerprint(sb, v);
                sb.append(',');
            }
            sb.append(']');
        } else if (value instanceof StandSummary s) {
            sb.append(summaryPrint.apply(s));
        } else {
            sb.append(value).append(value == null ? "" : "|" + value.getClass().getName());
        }
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Renders a template that is not a page (sitemap, feed, manifest) to the file of {@code url}. */
    void writeRaw(String template, String url, Map<String, Object> model) {
        sink.writeString(Routes.file(url), render(template, url, PageMeta.of("", ""), model));
    }

    String render(String template, String url, PageMeta meta, Map<String, Object> model) {
        Map<String, Object> context = new LinkedHashMap<>(model);
        context.put("site", siteView());
        context.put("page", meta.view(site, url));
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            StringWriter out = new StringWriter();
            compiled.evaluate(out, context);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template + " for " + url, e);
        }
    }

    /** Records a page taken over unchanged from the previous build, for the sitemap. */
    void remember(String url, LocalDate lastmod) {
        written.put(url, Optional.ofNullable(lastmod));
    }

    /** Page URLs written so far with their last-modified dates, sorted. */
    Map<String, Optional<LocalDate>> writtenPages() {
        return Map.copyOf(written);
    }

    OutputSink sink() {
        return sink;
    }

    Optional<String> assetUrl(String name) {
        return assets.findUrl(name);
    }

    private Map<String, Object> siteView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", site.title());
        view.put("period", RussianFormat.period(site.from(), site.to()));
        view.put("contacts", site.contacts());
        view.put("menu", pagesMenu);
        view.put("voting", site.voting());
        boolean results = site.evaluation() != null && site.evaluation().published();
        view.put("resultsUrl", results ? Routes.results() : null);
        view.put("dataUrl", dataUrl);
        view.put("feedUrl", Routes.feed());
        view.put("manifestUrl", Routes.manifest());
        return view;
    }
}
