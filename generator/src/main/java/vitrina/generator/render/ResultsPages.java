package vitrina.generator.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import vitrina.generator.model.Region;
import vitrina.generator.model.StandId;

/**
 * Renders the open-data page and, when results are published, {@code /results/} (the "N best", each nomination's
 * winner and laureates, a region filter), one page per region, the methodology and a verification page per
 * diploma and certificate. Verification pages stay out of the sitemap: they are reached by QR code.
 */
final class ResultsPages {
    private final PageWriter writer;
    private final ResultsView view;
    private final Function<StandId, StandSummary> known;

    ResultsPages(PageWriter writer, ResultsView view, Function<StandId, StandSummary> known) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.view = Objects.requireNonNull(view, "view");
        this.known = Objects.requireNonNull(known, "known");
    }

    void renderAll() {
        dataPage();
        ResultsView.Published published = view.published();
        if (published == null) {
            return;
        }
        List<Map<String, Object>> regions = regions(published);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("top", published.top());
        model.put("rated", published.standings().stream().filter(s -> s.rank() > 0).count());
        model.put("best", published.standings().stream().filter(ResultsView.Standing::top).map(this::row)
                .filter(Objects::nonNull).toList());
        model.put("nominations", published.nominations().stream().map(this::nomination).toList());
        model.put("regions", regions);
        model.put("methodologyUrl", Routes.resultsMethodology());
        model.put("downloads", view.downloads());
        write("results/list", Routes.results(), "Результаты", "Итоги конкурса: " + published.top()
                + " лучших, победители и лауреаты номинаций, результаты по регионам.", List.of(), model, false);
        for (Map<String, Object> region : regions) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) region.get("rows");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", region.get("title"));
            m.put("rows", rows);
            m.put("regions", regions);
            m.put("current", region.get("url"));
            write("results/region", (String) region.get("url"), "Результаты: " + region.get("title"),
                    "Места стендов региона «" + region.get("title") + "» в рейтинге конкурса.",
                    List.of(crumb("Результаты", Routes.results())), m, false);
        }
        write("results/methodology", Routes.resultsMethodology(), "Методика подсчёта рейтинга",
                "Как складывается рейтинг: показатели, веса, приведение к шкале, перераспределение весов.",
                List.of(crumb("Результаты", Routes.results())),
                Map.of("html", published.methodologyHtml(), "downloads", view.downloads()), false);
        for (ResultsView.Document d : published.documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("doc", d);
            StandSummary s = known.apply(d.stand());
            m.put("standUrl", s == null ? null : s.url());
            write("results/verify", d.verifyUrl(), d.title() + " № " + d.number(),
                    "Проверка подлинности: " + d.title().toLowerCase(java.util.Locale.ROOT) + " № " + d.number() + ".",
                    List.of(crumb("Результаты", Routes.results())), m, true);
        }
    }

    private void dataPage() {
        write("data/single", Routes.data(), "Открытые данные",
                "Каталог стендов и результаты конкурса в форматах CSV и JSON, описание полей.", List.of(),
                Map.of("html", view.dataHtml(), "downloads", view.downloads()), false);
    }

    private void write(String kind, String url, String title, String description, List<PageMeta.Crumb> parents,
                       Map<String, Object> model, boolean hidden) {
        List<PageMeta.Crumb> crumbs = new ArrayList<>();
        crumbs.add(crumb("Главная", Routes.home()));
        crumbs.addAll(parents);
        crumbs.add(crumb(title, url));
        PageMeta meta = PageMeta.of(title, description).crumbs(crumbs);
        writer.write(kind, url, hidden ? meta.hidden() : meta, model, null);
    }

    private static PageMeta.Crumb crumb(String title, String url) {
        return new PageMeta.Crumb(title, url);
    }

    /** One line of a ranking table, or null for an unknown stand. */
    private Map<String, Object> row(ResultsView.Standing s) {
        StandSummary summary = known.apply(s.stand());
        if (summary == null) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.stand().value());
        row.put("rank", s.rank());
        row.put("regionRank", s.regionRank());
        row.put("title", summary.shortName());
        row.put("url", summary.url());
        row.put("region", summary.regionName());
        row.put("regionUrl", Routes.resultsRegion(summary.org().region().slug()));
        row.put("total", s.total());
        row.put("top", s.top());
        return row;
    }

    private Map<String, Object> nomination(ResultsView.NominationAwards n) {
        List<Map<String, Object>> placed = new ArrayList<>();
        for (ResultsView.Placed p : n.placed()) {
            StandSummary summary = known.apply(p.stand());
            if (summary == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("place", p.place());
            row.put("award", p.award());
            row.put("title", summary.shortName());
            row.put("url", summary.url());
            row.put("region", summary.regionName());
            row.put("total", p.total());
            row.put("diplomaUrl", p.diplomaUrl());
            row.put("verifyUrl", p.verifyUrl());
            placed.add(row);
        }
        return Map.of("id", n.id(), "title", n.title(), "url", Routes.nomination(n.id()), "placed", placed);
    }

    /** Regions that have stands, by name, each with its rows by regional rank (unrated last). */
    private List<Map<String, Object>> regions(ResultsView.Published published) {
        Map<Region, List<Map<String, Object>>> by = new TreeMap<>();
        for (ResultsView.Standing s : published.standings()) {
            Map<String, Object> row = row(s);
            if (row != null) {
                by.computeIfAbsent(known.apply(s.stand()).org().region(), r -> new ArrayList<>()).add(row);
            }
        }
        List<Map<String, Object>> regions = new ArrayList<>();
        by.entrySet().stream().sorted(Map.Entry.comparingByKey(
                Comparator.comparing(Region::name, RussianCollation.INSTANCE))).forEach(e -> {
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("title", e.getKey().name());
                    region.put("url", Routes.resultsRegion(e.getKey().slug()));
                    region.put("count", e.getValue().size());
                    region.put("rows", e.getValue());
                    regions.add(region);
                });
        return regions;
    }
}
