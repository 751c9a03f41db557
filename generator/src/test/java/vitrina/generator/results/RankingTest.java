package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;

/**
 * Hand-computed expectations for the small table (weights experts 0.5, votes 0.3, views 0.2; surveys weight 0).
 * Percentile p = (2L + E) / 2n.
 * <pre>
 * innovation (n = 5; experts n = 4 because d has none)
 *   experts  e 5 → 1/8 = .125   b 8, c 8 → 4/8 = .5     a 9 → 7/8 = .875
 *   votes    d 20 → .1   b 30, c 30 → .4   a 40 → .7   e 100000 → .9
 *   views    e 100 → .1  d 300 → .3   b 400, c 400 → .6   a 500 → .9
 *   a = .875×.5 + .7×.3 + .9×.2 = .4375 + .21 + .18 = .8275   (winner)
 *   b = c = .5×.5 + .4×.3 + .6×.2 = .49                       (tie: same experts, same votes → by id: b 2nd, c 3rd)
 *   e = .125×.5 + .9×.3 + .1×.2 = .0625 + .27 + .02 = .3525   (stuffed vote, still 4th)
 *   d: no experts → weights .3/.5 = .6 and .2/.5 = .4: .1×.6 + .3×.4 = .18 (5th)
 * upbringing (n = 2): c has the higher value in every indicator → .75; f → .25
 * overall by best nomination: a .8275, c .75, b .49, e .3525, f .25, d .18
 * </pre>
 */
class RankingTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Score score(Results r, String stand, String nomination) {
        return r.scoresOf(stand).stream().filter(s -> s.nominationId().equals(nomination)).findFirst().orElseThrow();
    }

    @Test
    void computesHandCheckedTotalsAndRanksInEachNomination() {
        Results r = Fixtures.smallResults();
        List<String> order = r.nomination("innovation").stream().map(Score::standId).toList();
        assertEquals(List.of("a-school", "b-school", "c-school", "e-school", "d-school"), order);
        assertEquals(0, d("0.8275").compareTo(score(r, "a-school", "innovation").total()));
        assertEquals(0, d("0.49").compareTo(score(r, "b-school", "innovation").total()));
        assertEquals(0, d("0.49").compareTo(score(r, "c-school", "innovation").total()));
        assertEquals(0, d("0.3525").compareTo(score(r, "e-school", "innovation").total()));
        assertEquals(0, d("0.18").compareTo(score(r, "d-school", "innovation").total()));
        assertEquals(0, d("0.75").compareTo(score(r, "c-school", "upbringing").total()));
        assertEquals(0, d("0.25").compareTo(score(r, "f-school", "upbringing").total()));
        assertEquals(List.of(1, 2, 3, 4, 5), r.nomination("innovation").stream().map(Score::rank).toList());
    }

    @Test
    void breaksATieByExpertScoreThenVotesThenStandId() {
        Results r = Fixtures.smallResults();
        Score b = score(r, "b-school", "innovation");
        Score c = score(r, "c-school", "innovation");
        assertEquals(0, b.total().compareTo(c.total()));
        assertEquals(2, b.rank());
        assertEquals(3, c.rank());
    }

    @Test
    void aStuffedVoteCountGainsOnlyOnePercentileStepAndDoesNotDominate() {
        Results r = Fixtures.smallResults();
        Component votes = score(r, "e-school", "innovation").component(Indicator.VOTES).orElseThrow();
        assertEquals(0, d("100000").compareTo(votes.raw()));
        assertEquals(d("0.9000"), votes.normalized());
        assertEquals(d("0.7000"), score(r, "a-school", "innovation").component(Indicator.VOTES).orElseThrow()
                .normalized());
        assertEquals(4, score(r, "e-school", "innovation").rank());
        assertEquals(Map.of("e-school", 2500L), r.flaggedVotes());
    }

    @Test
    void redistributesTheWeightOfAMissingIndicatorAndSaysSo() {
        Score dSchool = score(Fixtures.smallResults(), "d-school", "innovation");
        assertTrue(dSchool.redistributed());
        Component experts = dSchool.component(Indicator.EXPERTS).orElseThrow();
        assertTrue(experts.missing());
        assertEquals(d("0.0000"), experts.contribution());
        assertEquals(d("0.6000"), dSchool.component(Indicator.VOTES).orElseThrow().effectiveWeight());
        assertEquals(d("0.4000"), dSchool.component(Indicator.VIEWS).orElseThrow().effectiveWeight());
        assertFalse(score(Fixtures.smallResults(), "a-school", "innovation").redistributed());
    }

    @Test
    void leavesOutIndicatorsWithZeroWeightOrNoData() {
        Results r = Fixtures.smallResults();
        assertEquals(List.of(Indicator.EXPERTS, Indicator.VOTES, Indicator.VIEWS), List.copyOf(r.weights().keySet()));
        assertTrue(score(r, "a-school", "innovation").component(Indicator.SURVEYS).isEmpty());
    }

    @Test
    void namesWinnersAndLaureatesPerNomination() {
        Results r = Fixtures.smallResults();
        assertEquals(List.of("a-school:WINNER", "b-school:LAUREATE", "c-school:LAUREATE"),
                r.awards("innovation").stream().map(s -> s.standId() + ":" + s.award()).toList());
        assertEquals(List.of("c-school:WINNER", "f-school:LAUREATE"),
                r.awards("upbringing").stream().map(s -> s.standId() + ":" + s.award()).toList());
    }

    @Test
    void ranksOverallAndPerRegionByEachStandsBestNominationAndCutsTheTopList() {
        Results r = Fixtures.smallResults();
        assertEquals(List.of("a-school", "c-school", "b-school", "e-school", "f-school", "d-school"),
                r.standings().stream().map(Standing::standId).toList());
        assertEquals(List.of("a-school", "c-school", "b-school"), r.topList().stream().map(Standing::standId).toList());
        assertEquals("upbringing", r.findStanding("c-school").orElseThrow().best().nominationId());
        assertEquals(List.of("a-school:1", "b-school:2", "e-school:3"), r.region(23).stream()
                .map(s -> s.standId() + ":" + s.regionRank()).toList());
        assertEquals(List.of("c-school:1", "d-school:2"), r.region(77).stream()
                .map(s -> s.standId() + ":" + s.regionRank()).toList());
    }

    @Test
    void leavesAStandWithNoDataUnratedAndUnranked() {
        List<Stand> stands = List.of(Fixtures.stand("a-school", 23, "innovation"),
                Fixtures.stand("z-school", 23, "innovation"));
        List<Problem> problems = new ArrayList<>();
        EvaluationInputs inputs = EvaluationInputs.read(Fixtures.small(), null, Fixtures.ids(stands),
                Fixtures.nominations(stands), problems::add);
        Results r = Ranking.compute(Fixtures.site(Fixtures.WEIGHTS, 10).evaluation(), inputs, stands);
        Standing z = r.findStanding("z-school").orElseThrow();
        assertFalse(z.rated());
        assertEquals(0, z.rank());
        assertNull(r.scoresOf("z-school").get(0).total());
        Score a = r.scoresOf("a-school").get(0);
        assertEquals(1, a.rank());
        // alone in the nomination: every percentile is 0.5, and votes (no export) take no part
        assertEquals(0, d("0.5").compareTo(a.total()));
        assertEquals(List.of(Indicator.EXPERTS, Indicator.VIEWS), List.copyOf(r.weights().keySet()));
    }
}
