package vitrina.generator.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Region;
import vitrina.generator.model.Regions;
import vitrina.generator.model.SiteConfig;

/**
 * Renders everything that lists stands: the home page, the catalog and the region, type and nomination pages
 * (an index page with counts, and a paginated page for every value that has stands).
 */
final class ListingPages {
    private static final int NEWEST = 6;

    /** Catalog order: short name by Russian collation, then id. */
    static final Comparator<StandSummary> BY_NAME = Comparator
            .comparing(StandSummary::shortName, RussianCollation.INSTANCE)
            .thenComparing(StandSummary::id);

    /** Newest first: approval date descending (undated last), then catalog order. */
    static final Comparator<StandSummary> NEWEST_FIRST = Comparator
            .comparing(StandSummary::approved, Comparator.nullsLast(Comparator.<java.time.LocalDate>reverseOrder()))
            .thenComparing(BY_NAME);

    private final PageWriter writer;
    private final SiteConfig site;
    private final List<StandSummary> stands;

    /** @param stands every rendered stand, in any order */
    ListingPages(PageWriter writer, SiteConfig site, List<StandSummary> stands) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.site = Objects.requireNonNull(site, "site");
        this.stands = stands.stream().sorted(BY_NAME).toList();
    }

    void renderAll(String aboutUrl) {
        home(aboutUrl);
        paged("catalog/list", Routes.catalog(1), "Каталог стендов", "Все электронные стенды выставки по алфавиту.",
                stands, List.of(), Map.of());
        regions();
        types();
        nominations();
    }

    private void home(String aboutUrl) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("figures", Map.of(
                "stands", stands.size(),
                "regions", stands.stream().map(s -> s.org().region()).distinct().count(),
                "materials", stands.stream().mapToInt(StandSummary::materials).sum()));
        model.put("nominations", nominationCounts());
        model.put("newest", stands.stream().sorted(NEWEST_FIRST).limit(NEWEST).toList());
        model.put("catalogUrl", Routes.catalog(1));
        model.put("aboutUrl", aboutUrl);
        String description = site.title() + (site.from() == null ? "" : ". Экспозиция: "
                + RussianFormat.period(site.from(), site.to()));
        writer.writeReusable("home", Routes.home(), PageMeta.of(site.title(), description).asHome(), model, null);
    }

    private void regions() {
        Map<Region, List<StandSummary>> by = new TreeMap<>();
        stands.forEach(s -> by.computeIfAbsent(s.org().region(), r -> new ArrayList<>()).add(s));
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> empty = new ArrayList<>();
        for (Region region : Regions.all()) {
            List<StandSummary> list = by.getOrDefault(region, List.of());
            Map<String, Object> term = term(region.name(), Routes.region(region.slug()), list.size());
            (list.isEmpty() ? empty : all).add(term);
            if (!list.isEmpty()) {
                paged("region/term", Routes.region(region.slug()), region.name(),
                        "Стенды организаций: " + region.name() + ".", list, crumb("Регионы", Routes.regions()),
                        Map.of("kind", "region"));
            }
        }
        index("region/terms", Routes.regions(), "Регионы", "Стенды выставки по субъектам Российской Федерации.",
                Map.of("terms", all, "empty", empty));
    }

    private void types() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (OrgType type : OrgType.values()) {
            List<StandSummary> list = filter(s -> s.org().type() == type);
            all.add(term(type.plural(), Routes.type(type.id()), list.size()));
            if (!list.isEmpty()) {
                paged("type/term", Routes.type(type.id()), type.plural(), type.plural() + " — стенды выставки.",
                        list, crumb("Типы организаций", Routes.types()), Map.of("kind", "type"));
            }
        }
        index("type/terms", Routes.types(), "Типы организаций", "Стенды выставки по типам организаций.",
                Map.of("terms", all, "empty", List.of()));
    }

    private void nominations() {
        for (Nomination n : site.nominations()) {
            List<StandSummary> list = filter(s -> s.nominations().contains(n.id()));
            if (!list.isEmpty()) {
                paged("nomination/term", Routes.nomination(n.id()), n.title(), "Номинация «" + n.title() + "».",
                        list, crumb("Номинации", Routes.nominations()), Map.of("kind", "nomination"));
            }
        }
        index("nomination/terms", Routes.nominations(), "Номинации", "Номинации конкурса и стенды в каждой из них.",
                Map.of("terms", nominationCounts(), "empty", List.of()));
    }

    private List<Map<String, Object>> nominationCounts() {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Nomination n : site.nominations()) {
            terms.add(term(n.title(), Routes.nomination(n.id()), filter(s -> s.nominations().contains(n.id())).size()));
        }
        return terms;
    }

    private static Map<String, Object> term(String title, String url, int count) {
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("title", title);
        term.put("url", count > 0 ? url : null);
        term.put("count", count);
        return term;
    }

    private List<StandSummary> filter(Predicate<StandSummary> test) {
        return stands.stream().filter(test).toList();
    }

    private static List<PageMeta.Crumb> crumb(String title, String url) {
        return List.of(new PageMeta.Crumb(title, url));
    }

    private void index(String kind, String url, String title, String description, Map<String, Object> model) {
        List<PageMeta.Crumb> crumbs = List.of(new PageMeta.Crumb("Главная", Routes.home()),
                new PageMeta.Crumb(title, url));
        writer.writeReusable(kind, url, PageMeta.of(title, description).current(url).crumbs(crumbs), model, null);
    }

    private void paged(String kind, String base, String title, String description, List<StandSummary> list,
                       List<PageMeta.Crumb> parents, Map<String, Object> extra) {
        List<List<StandSummary>> pages = Paginator.split(list, Paginator.PAGE_SIZE);
        String menu = parents.isEmpty() ? base : parents.get(0).url();
        // pages on all cores: 50,000 stands make a thousand catalogue pages and as many again by region, type and
        // nomination (the writer is thread-safe and lists pages for the sitemap in URL order)
        java.util.stream.IntStream.rangeClosed(1, pages.size()).parallel().forEach(n -> {
            String url = Routes.paged(base, n);
            Map<String, Object> pager = Paginator.view(base, n, pages.size());
            List<PageMeta.Crumb> crumbs = new ArrayList<>();
            crumbs.add(new PageMeta.Crumb("Главная", Routes.home()));
            crumbs.addAll(parents);
            crumbs.add(new PageMeta.Crumb(title, base));
            if (n > 1) {
                crumbs.add(new PageMeta.Crumb("Страница " + n, url));
            }
            String pageTitle = n > 1 ? title + " — страница " + n : title;
            Map<String, Object> model = new LinkedHashMap<>(extra);
            model.put("heading", title);
            model.put("stands", pages.get(n - 1));
            model.put("count", list.size());
            model.put("pager", pager);
            PageMeta meta = PageMeta.of(pageTitle, description).current(menu).crumbs(crumbs)
                    .pagination((String) pager.get("prev"), (String) pager.get("next"));
            writer.writeReusable(kind, url, meta, model, null);
        });
    }
}
