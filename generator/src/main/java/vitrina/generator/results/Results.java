package vitrina.generator.results;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The computed rating: every stand's score per nomination, overall and regional ranks, the "N best", and the
 * winners and laureates. Everything here is published, so anyone can recompute every figure.
 *
 * @param weights      weights of the indicators that take part (weight > 0 and data provided), from site.yaml
 * @param top          the size of the "N best" list from site.yaml
 * @param published    whether site.yaml says results are published ({@code evaluation.published})
 * @param scores       one per stand and nomination: by nomination id, then rank (unrated last, by stand id)
 * @param standings    one per stand: by overall rank, unrated last by stand id
 * @param flaggedVotes votes excluded as suspicious, by stand id
 */
public record Results(Map<Indicator, BigDecimal> weights, int top, boolean published, List<Score> scores,
                      List<Standing> standings, Map<String, Long> flaggedVotes) {

    public Results {
        Map<Indicator, BigDecimal> ordered = new EnumMap<>(Indicator.class);
        ordered.putAll(weights);
        weights = Collections.unmodifiableMap(ordered);
        scores = List.copyOf(scores);
        standings = List.copyOf(standings);
        flaggedVotes = Collections.unmodifiableMap(new TreeMap<>(flaggedVotes));
    }

    /** The "N best": rated stands with overall rank 1..top. */
    public List<Standing> topList() {
        return standings.stream().filter(Standing::top).toList();
    }

    /** Nomination ids that have at least one score, sorted. */
    public List<String> nominationIds() {
        return scores.stream().map(Score::nominationId).distinct().sorted().toList();
    }

    /** The nomination's scores by rank, unrated last. */
    public List<Score> nomination(String nominationId) {
        return scores.stream().filter(s -> s.nominationId().equals(nominationId)).toList();
    }

    /** The nomination's winner and laureates, by rank. */
    public List<Score> awards(String nominationId) {
        return nomination(nominationId).stream().filter(s -> s.award() != Award.NONE).toList();
    }

    /** Every winner and laureate of every nomination. */
    public List<Score> allAwards() {
        return scores.stream().filter(s -> s.award() != Award.NONE).toList();
    }

    /** The stand's scores in each of its nominations, by nomination id. */
    public List<Score> scoresOf(String standId) {
        return scores.stream().filter(s -> s.standId().equals(standId)).toList();
    }

    public Optional<Standing> findStanding(String standId) {
        return standings.stream().filter(s -> s.standId().equals(standId)).findFirst();
    }

    /** Rated and unrated stands of one region, by regional rank. */
    public List<Standing> region(int regionCode) {
        return standings.stream().filter(s -> s.regionCode() == regionCode).toList();
    }
}
