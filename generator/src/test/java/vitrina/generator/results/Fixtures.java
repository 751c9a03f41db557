package vitrina.generator.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Regions;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/** The small hand-computed exhibition of {@code src/test/resources/results/small}. */
final class Fixtures {
    static final Map<String, Double> WEIGHTS = Map.of("experts", 0.5, "votes", 0.3, "views", 0.2, "surveys", 0.0);

    private Fixtures() {
    }

    static Path small() {
        try {
            return Path.of(Fixtures.class.getResource("/results/small/evaluation/experts.csv").toURI())
                    .getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Stand> stands() {
        return List.of(
                stand("a-school", 23, "innovation"),
                stand("b-school", 23, "innovation"),
                stand("c-school", 77, "innovation", "upbringing"),
                stand("d-school", 77, "innovation"),
                stand("e-school", 23, "innovation"),
                stand("f-school", 50, "upbringing"));
    }

    static Stand stand(String id, int region, String... nominations) {
        Organization org = new Organization("Муниципальное бюджетное общеобразовательное учреждение «Средняя "
                + "общеобразовательная школа № " + id.charAt(0) + "» города с очень длинным названием", "Школа " + id,
                OrgType.SCHOOL, Regions.requireByCode(region), "Город " + id.charAt(0), null, "2320112885",
                "1032311683172", null, 1965, null, null, "");
        return new Stand(new StandId(id), org, List.of(nominations), List.of(), List.of(), List.of(), null, null,
                "sha256:00", null);
    }

    static Set<String> ids(List<Stand> stands) {
        return stands.stream().map(s -> s.id().value()).collect(Collectors.toSet());
    }

    static Map<String, List<String>> nominations(List<Stand> stands) {
        return stands.stream().collect(Collectors.toMap(s -> s.id().value(), Stand::nominations, (a, b) -> a,
                TreeMap::new));
    }

    static SiteConfig site(Map<String, Double> weights, int top) {
        return new SiteConfig("Творчески работающие коллективы школ, гимназий, лицеев России",
                "https://ШколаТворчества.РФ/", "https://xn--80aaafbb1b0bdgbj5h.xn--p1ai/", "ru", null, null, null,
                List.of(new Nomination("innovation", "Инновационные подходы в образовании"),
                        new Nomination("upbringing", "Воспитательная работа")),
                null, new SiteConfig.Evaluation(weights, top, true), null, null);
    }

    static EvaluationInputs smallInputs(List<vitrina.generator.problem.Problem> problems) {
        List<Stand> stands = stands();
        return EvaluationInputs.read(small(), small().resolve("votes.json"), ids(stands), nominations(stands),
                problems::add);
    }

    static Results smallResults() {
        return Ranking.compute(site(WEIGHTS, 3).evaluation(), smallInputs(new java.util.ArrayList<>()), stands());
    }
}
