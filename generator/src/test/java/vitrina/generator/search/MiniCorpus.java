package vitrina.generator.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.Material;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Regions;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;

/** A small exhibition built in code, with the words the search tests look for. */
final class MiniCorpus {
    static final List<Nomination> NOMINATIONS = List.of(new Nomination("innovation", "Инновационные подходы"),
            new Nomination("upbringing", "Воспитательная работа"));

    private MiniCorpus() {
    }

    static SearchIndexBuilder build() {
        return build(new SearchIndexBuilder(NOMINATIONS));
    }

    /** The same corpus, plus one stand that is analyzed ahead of time but never added (as if left unpublished). */
    static SearchIndexBuilder buildWithUnpublishedStand() {
        SearchIndexBuilder b = new SearchIndexBuilder();
        analyzed(b, "skrytyj-9", "Скрытая школа № 9", OrgType.SCHOOL, 23, "innovation",
                Map.of("index", "Неопубликованный стенд: слово зюзюка встречается только здесь."), Map.of(), "");
        b.nominations(NOMINATIONS);
        return build(b);
    }

    /**
     * The same corpus, each stand analyzed by an earlier builder and read back from its bytes by a later one that
     * loaded the earlier one's saved term table (a later build).
     */
    static SearchIndexBuilder buildThroughBytes() {
        Path dir;
        try {
            dir = java.nio.file.Files.createTempDirectory("vitrina-terms");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path terms = dir.resolve("terms.bin");
        try {
            SearchIndexBuilder earlier = new SearchIndexBuilder(NOMINATIONS, terms);
            // the earlier build numbered other terms first
            analyzed(earlier, "skrytyj-9", "Скрытая школа № 9", OrgType.SCHOOL, 23, "innovation",
                    Map.of("index", "Другие слова сначала: зюзюка, квазикристаллы, ёлочка."), Map.of(), "");
            List<byte[]> stored = stands(earlier).stream().map(earlier::bytes).toList();
            earlier.saveTerms();
            SearchIndexBuilder b = new SearchIndexBuilder(NOMINATIONS, terms);
            List<SearchIndexBuilder.AnalyzedStand> read = new ArrayList<>();
            for (byte[] bytes : stored) {
                read.add(b.readAnalyzed(bytes));
            }
            return build(b, read);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(terms);
                java.nio.file.Files.deleteIfExists(dir);
            } catch (java.io.IOException ignored) {
                // a temporary folder left behind
            }
        }
    }

    static SearchIndexBuilder build(SearchIndexBuilder b) {
        return build(b, stands(b));
    }

    private static SearchIndexBuilder build(SearchIndexBuilder b, List<SearchIndexBuilder.AnalyzedStand> stands) {
        stands.forEach(b::add);
        b.addPage(new StaticPage("about", "О конкурсе", 1, "pages/about.md", "", 1),
                new RenderedMarkdown("<p>x</p>", "Положение о конкурсе: кто может участвовать и как подать заявку.",
                        List.of()));
        return b;
    }

    /** The corpus's stands, analyzed by {@code analyzer}. */
    static List<SearchIndexBuilder.AnalyzedStand> stands(SearchIndexBuilder analyzer) {
        return List.of(analyzed(analyzer, "shkola-1", "МБОУ СОШ № 1", OrgType.SCHOOL, 23, "innovation",
                Map.of("index", "Наша школа работает как школа полного дня. Ученики остаются после уроков.",
                        "projects", "Проекты учеников: робототехника и экология родного края."),
                Map.of("files/plan.pdf", "План работы. Квазикристаллы в природе и технике изучают на кружке."),
                "Открытие технопарка «Точка роста»"),
                analyzed(analyzer, "gimnaziya-5", "Гимназия № 5", OrgType.GYMNASIUM, 77, "upbringing",
                Map.of("index", "Гимназия развивает педагогический опыт: авторская методика обучения чтению.",
                        "methods", "Методика проектной работы и педагогическая мастерская."),
                Map.of(), ""),
                analyzed(analyzer, "licey-7", "Лицей № 7", OrgType.LYCEUM, 50, "innovation",
                Map.of("index", "В лицее проходят олимпиады. Новогодняя ёлочка во дворе лицея. Мы дружим со школой."),
                Map.of(), ""),
                analyzed(analyzer, "sad-3", "Детский сад № 3", OrgType.KINDERGARTEN, 23, "upbringing",
                Map.of("index", "Детский сад готовит детей к школе. Режим полного рабочего дня для родителей."),
                Map.of(), ""));
    }

    private static SearchIndexBuilder.AnalyzedStand analyzed(SearchIndexBuilder b, String id, String shortName,
                                                             OrgType type, int region, String nomination,
                                                             Map<String, String> sectionTexts,
                                                             Map<String, String> materialTexts, String caption) {
        Organization org = new Organization(shortName + " полное наименование", shortName, type,
                Regions.requireByCode(region), "Город", null, "0000000000", "0000000000000", null, 2000, null,
                null, "");
        List<Section> sections = new ArrayList<>();
        Map<String, RenderedMarkdown> rendered = new LinkedHashMap<>();
        int order = 0;
        for (String slug : new java.util.TreeSet<>(sectionTexts.keySet()).descendingSet()) {
            String title = slug.equals("index") ? shortName : "Раздел " + slug;
            sections.add(new Section(slug, title, "stands/" + id + "/" + slug + ".md", "", 1, order++));
            rendered.put(slug, new RenderedMarkdown("<p></p>", sectionTexts.get(slug), List.of()));
        }
        List<Material> materials = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (String path : materialTexts.keySet()) {
            String urlName = path.substring("files/".length());
            materials.add(new Material(path, Path.of("/nonexistent"), urlName, urlName, "План работы", "",
                    null, "PDF", 100, "00"));
            urls.put(path, "/stands/" + id + "/files/" + urlName);
        }
        List<Photo> photos = caption.isEmpty() ? List.of()
                : List.of(new Photo("gallery/01.jpg", Path.of("/nonexistent"), "01", caption, "00"));
        Stand stand = new Stand(new StandId(id), org, List.of(nomination), sections, materials, photos, null, null,
                "sha256:00", null);
        return b.analyzeStand(stand, rendered, materialTexts, urls);
    }
}
