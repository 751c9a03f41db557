package vitrina.generator.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.Material;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Photo;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Section;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/**
 * Renders the pages of one stand (one per section) and publishes its materials and photo variants.
 * The index section also shows the materials, the gallery, the vote widget and related stands.
 */
final class StandPages {
    private final PageWriter writer;
    private final SiteConfig site;
    private final Function<StandId, StandSummary> known;
    private final Function<StandId, ResultsView.Card> results;

    /**
     * @param known   a registered stand's summary by id, or null when unknown (used for related stands)
     * @param results a stand's result card, or null when results are not published
     */
    StandPages(PageWriter writer, SiteConfig site, Function<StandId, StandSummary> known,
               Function<StandId, ResultsView.Card> results) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.site = Objects.requireNonNull(site, "site");
        this.known = Objects.requireNonNull(known, "known");
        this.results = Objects.requireNonNull(results, "results");
    }

    void render(StandContent content) {
        Stand stand = content.stand();
        publishFiles(content);
        Map<String, Object> common = commonModel(content);
        List<Map<String, Object>> nav = new ArrayList<>();
        for (Section s : stand.sections()) {
            nav.add(Map.of("title", s.title(), "url", Routes.section(stand.id(), s.slug()), "slug", s.slug()));
        }
        String imageUrl = coverUrl(content);
        for (Section section : stand.sections()) {
            RenderedMarkdown md = content.sections().get(section.slug());
            String url = Routes.section(stand.id(), section.slug());
            Map<String, Object> model = new LinkedHashMap<>(common);
            model.put("sections", nav);
            model.put("section", Map.of("title", section.title(), "slug", section.slug(),
                    "html", md == null ? "" : md.html(), "index", section.isIndex()));
            String title = section.isIndex() ? stand.org().shortName()
                    : section.title() + " — " + stand.org().shortName();
            List<PageMeta.Crumb> crumbs = new ArrayList<>(List.of(new PageMeta.Crumb("Главная", Routes.home()),
                    new PageMeta.Crumb("Каталог", Routes.catalog(1))));
            crumbs.add(new PageMeta.Crumb(stand.org().shortName(), Routes.stand(stand.id())));
            if (!section.isIndex()) {
                crumbs.add(new PageMeta.Crumb(section.title(), url));
            }
            PageMeta meta = PageMeta.of(title, description(stand.org()))
                    .current(Routes.catalog(1)).crumbs(crumbs).image(imageUrl, "article");
            writer.write(section.isIndex() ? "stand/single" : "stand/section", url, meta, model, stand.approved());
        }
    }

    private void publishFiles(StandContent content) {
        StandId id = content.stand().id();
        for (Material m : content.stand().materials()) {
            writer.sink().copy(Routes.file(materialUrl(content, m)), m.source());
            StandContent.MaterialPreview preview = content.previews().get(m.path());
            if (preview != null && preview.image() != null) {
                writer.sink().copy(Routes.file(previewUrl(id, m)), preview.image());
            }
        }
        Map<String, ImageSet.Variant> variants = new TreeMap<>();
        content.images().values().forEach(set -> set.variants().forEach(v -> variants.putIfAbsent(v.fileName(), v)));
        variants.values().forEach(v -> writer.sink().copy(Routes.file(Routes.image(id, v.fileName())), v.file()));
    }

    private static String previewUrl(StandId id, Material m) {
        return Routes.stand(id) + "previews/" + m.urlName() + ".png";
    }

    private static String materialUrl(StandContent content, Material m) {
        return content.materialUrls().getOrDefault(m.path(), Routes.material(content.stand().id(), m.urlName()));
    }

    private Map<String, Object> commonModel(StandContent content) {
        Stand stand = content.stand();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stand", StandSummary.of(stand, null));
        model.put("org", orgView(stand.org()));
        List<Nomination> nominations = stand.nominations().stream()
                .map(id -> site.findNomination(id).orElse(new Nomination(id, id))).toList();
        model.put("nominations", nominations.stream()
                .map(n -> Map.of("title", n.title(), "url", Routes.nomination(n.id()))).toList());
        model.put("materials", stand.materials().stream().map(m -> materialView(content, m)).toList());
        model.put("photos", photos(content));
        ImageSet logo = stand.logo() == null ? null : content.images().get(stand.logo().path());
        model.put("logo", logo == null ? null : Picture.of(stand.id(), logo, 160));
        model.put("vote", site.voting() == null ? null : voteView(stand));
        model.put("result", results.apply(stand.id()));
        model.put("resultsUrl", Routes.results());
        model.put("methodologyUrl", Routes.resultsMethodology());
        model.put("related", content.related().stream().map(known).filter(Objects::nonNull)
                .map(s -> Map.of("title", s.shortName(), "url", s.url(), "region", s.regionName())).toList());
        return model;
    }

    private Map<String, Object> orgView(Organization org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", org.name());
        view.put("shortName", org.shortName());
        view.put("type", org.type().title());
        view.put("typeUrl", Routes.type(org.type().id()));
        view.put("region", org.region().name());
        view.put("regionUrl", Routes.region(org.region().slug()));
        view.put("city", org.city());
        view.put("address", org.address());
        view.put("head", org.head());
        String web = org.website();
        view.put("website", web != null && web.matches("(?i)https?://\\S+") ? web : null);
        view.put("founded", org.founded() > 0 ? org.founded() : null);
        view.put("inn", org.inn());
        view.put("ogrn", org.ogrn());
        view.put("license", org.license());
        view.put("summary", org.summary());
        return view;
    }

    private Map<String, Object> materialView(StandContent content, Material m) {
        String url = materialUrl(content, m);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", m.title());
        view.put("description", m.description());
        view.put("format", m.format());
        view.put("size", m.size());
        view.put("url", url);
        view.put("absoluteUrl", Routes.absolute(site.asciiBaseUrl(), url));
        view.put("fileName", m.displayName());
        StandContent.MaterialPreview preview = content.previews().get(m.path());
        view.put("pages", preview == null || preview.pages() <= 0 ? null : preview.pages());
        int[] size = preview == null || preview.image() == null ? null : PngSize.of(preview.image());
        view.put("preview", size == null ? null : Map.of("url", previewUrl(content.stand().id(), m),
                "width", size[0], "height", size[1]));
        return view;
    }

    private List<Map<String, Object>> photos(StandContent content) {
        Stand stand = content.stand();
        List<Map<String, Object>> photos = new ArrayList<>();
        for (Photo p : stand.photos()) {
            ImageSet set = content.images().get(p.path());
            if (set == null || set.variants().isEmpty()) {
                continue;
            }
            String caption = p.caption() == null ? "" : p.caption().strip();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("picture", Picture.of(stand.id(), set, 640));
            view.put("caption", caption);
            view.put("alt", caption.isEmpty() ? "Фото: " + stand.org().shortName() : caption);
            photos.add(view);
        }
        return photos;
    }

    private Map<String, Object> voteView(Stand stand) {
        SiteConfig.Voting voting = site.voting();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("endpoint", voting.endpoint().toString());
        view.put("stand", stand.id().value());
        view.put("nominations", String.join(" ", stand.nominations()));
        view.put("from", voting.from() == null ? "" : voting.from().toString());
        view.put("to", voting.to() == null ? "" : voting.to().toString());
        return view;
    }

    private String coverUrl(StandContent content) {
        Stand stand = content.stand();
        ImageSet cover = stand.cover() == null ? null : content.images().get(stand.cover().path());
        if (cover == null || cover.variants().isEmpty()) {
            return null;
        }
        return Routes.absolute(site.asciiBaseUrl(), Routes.image(stand.id(), cover.largest().fileName()));
    }

    private static String description(Organization org) {
        String summary = org.summary().strip();
        return summary.isEmpty() ? "Электронный стенд: " + org.name() + " (" + org.city() + ", "
                + org.region().name() + ")" : summary;
    }
}
