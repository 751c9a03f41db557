package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vitrina.generator.problem.Problem;

class VoteTallyTest {
    private static final Map<String, List<String>> NOMINATIONS = Map.of("a-school", List.of("innovation", "upbringing"),
            "b-school", List.of("innovation"));
    final List<Problem> problems = new ArrayList<>();

    private VoteTally parse(String json) {
        return VoteTally.parse(json.getBytes(StandardCharsets.UTF_8), "votes.json", NOMINATIONS.keySet(), NOMINATIONS,
                problems::add);
    }

    @Test
    void countsAnEntryWithoutNominationInEachOfTheStandsNominations() {
        VoteTally t = parse("{\"stands\":[{\"id\":\"a-school\",\"votes\":7},"
                + "{\"id\":\"a-school\",\"nomination\":\"upbringing\",\"votes\":3}]}");
        assertEquals(7, t.votes("a-school", "innovation"));
        assertEquals(10, t.votes("a-school", "upbringing"));
        assertEquals(0, t.votes("b-school", "innovation"));
    }

    @Test
    void excludesFlaggedVotesAndReportsThem() {
        VoteTally t = parse("{\"generated\":\"x\",\"stands\":[{\"id\":\"b-school\",\"nomination\":\"innovation\","
                + "\"votes\":5,\"flagged\":900}]}");
        assertEquals(5, t.votes("b-school", "innovation"));
        assertEquals(900, t.flagged("b-school"));
        assertEquals(List.of("evaluation.votes.flagged"), problems.stream().map(Problem::code).toList());
    }

    @Test
    void reportsUnknownStandsForeignNominationsAndNegativeCounts() {
        parse("{\"stands\":[{\"id\":\"ghost\",\"votes\":1},{\"id\":\"b-school\",\"nomination\":\"upbringing\","
                + "\"votes\":1},{\"id\":\"a-school\",\"votes\":-4}]}");
        assertEquals(List.of("evaluation.stand.unknown", "evaluation.votes.nomination", "evaluation.votes.count"),
                problems.stream().map(Problem::code).toList());
    }

    @Test
    void reportsBrokenJsonWithItsLineAndTakesNoVotes() {
        assertNull(parse("{\"stands\": [\n  {\"id\": \"a-school\",, }\n]}"));
        assertEquals("evaluation.votes.format", problems.get(0).code());
        assertEquals(2, problems.get(0).line());
    }

    @Test
    void readsTheSmallFixtureWithItsStuffedVoteCount() {
        VoteTally t = VoteTally.parse(readFixture(), "votes.json",
                Fixtures.ids(Fixtures.stands()), Fixtures.nominations(Fixtures.stands()), problems::add);
        assertEquals(100000, t.votes("e-school", "innovation"));
        assertEquals(10, t.votes("f-school", "upbringing"));
    }

    private static byte[] readFixture() {
        try {
            return java.nio.file.Files.readAllBytes(Fixtures.small().resolve("votes.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
