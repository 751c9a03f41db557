package vitrina.generator.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;

/**
 * Computes the rating (methodology.md states the same rules for the public):
 * <ol>
 * <li>An indicator takes part when its weight in site.yaml is above 0 and its data exists.</li>
 * <li>Within each nomination, each indicator's raw values are turned into mid-rank percentiles
 *     ({@link Percentile}) over the stands that have a value. Rank-based normalization is chosen because votes and
 *     views are heavy-tailed and can be stuffed: a stand with a hundred times more votes than the next one gains
 *     exactly one step, the same as with one vote more. It also makes the weights true shares of influence.</li>
 * <li>A stand missing an indicator does not get zero for it: that indicator's weight is shared among the stand's
 *     present indicators in proportion to their weights (effective weight {@code w_i / Σ present w}), and the
 *     stand's card says so. A stand with no indicator at all is not rated.</li>
 * <li>{@code contribution = round4(percentile × w_i / Σ present w)} (the unrounded effective weight, so that the
 *     figure follows from the site.yaml weights alone); the total is the sum of the rounded contributions.</li>
 * <li>Ties are broken by the higher expert score, then more votes, then the stand id in alphabetical order.</li>
 * <li>Winner: rank 1 in a nomination; laureates: ranks 2 and 3. Overall and regional ranks use each stand's best
 *     nomination; the "N best" are overall ranks 1..top.</li>
 * </ol>
 * All arithmetic is decimal with half-up rounding to 4 places, on the published (rounded) raw values.
 */
public final class Ranking {
    static final int SCALE = 4;

    /** Higher total first, then higher expert score, then more votes (missing values last), then stand id. */
    static final Comparator<Score> ORDER = Comparator
            .comparing(Score::total, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(s -> s.raw(Indicator.EXPERTS), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.raw(Indicator.VOTES), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Score::standId)
            .thenComparing(Score::nominationId);

    private Ranking() {
    }

    public static Results compute(SiteConfig.Evaluation settings, EvaluationInputs inputs, List<Stand> stands) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(stands, "stands");
        Map<Indicator, BigDecimal> weights = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Double w = settings.weights().get(indicator.id());
            if (w != null && w > 0 && inputs.provided(indicator)) {
                weights.put(indicator, BigDecimal.valueOf(w));
            }
        }
        Map<String, List<Stand>> byNomination = new TreeMap<>();
        for (Stand stand : stands) {
            for (String n : new TreeSet<>(stand.nominations())) {
                byNomination.computeIfAbsent(n, k -> new ArrayList<>()).add(stand);
            }
        }
        List<Score> scores = new ArrayList<>();
        byNomination.forEach((n, members) -> scores.addAll(nomination(n, members, weights, inputs)));
        List<Standing> standings = standings(stands, scores, settings.top());
        Map<String, Long> flagged = inputs.votes() == null ? Map.of() : inputs.votes().flagged();
        return new Results(weights, settings.top(), settings.published(), scores, standings, flagged);
    }

    private static List<Score> nomination(String nomination, List<Stand> members, Map<Indicator, BigDecimal> weights,
                                          EvaluationInputs inputs) {
        Map<Indicator, Map<BigDecimal, BigDecimal>> percentiles = new EnumMap<>(Indicator.class);
        for (Indicator indicator : weights.keySet()) {
            List<BigDecimal> values = new ArrayList<>();
            for (Stand s : members) {
                inputs.raw(indicator, s.id().value(), nomination).ifPresent(values::add);
            }
            percentiles.put(indicator, Percentile.of(values));
        }
        List<Score> scores = new ArrayList<>();
        for (Stand stand : members) {
            Map<Indicator, BigDecimal> raw = new EnumMap<>(Indicator.class);
            weights.keySet().forEach(i -> inputs.raw(i, stand.id().value(), nomination).ifPresent(v -> raw.put(i, v)));
            BigDecimal present = raw.keySet().stream().map(weights::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Component> components = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(SCALE);
            for (Map.Entry<Indicator, BigDecimal> w : weights.entrySet()) {
                BigDecimal value = raw.get(w.getKey());
                if (value == null) {
                    components.add(new Component(w.getKey(), w.getValue(), null, null, zero(), zero()));
                    continue;
                }
                BigDecimal normalized = Percentile.lookup(percentiles.get(w.getKey()), value);
                BigDecimal effective = w.getValue().divide(present, SCALE, RoundingMode.HALF_UP);
                BigDecimal contribution = normalized.multiply(w.getValue()).divide(present, SCALE, RoundingMode.HALF_UP);
                components.add(new Component(w.getKey(), w.getValue(), value, normalized, effective, contribution));
                total = total.add(contribution);
            }
            scores.add(new Score(stand.id().value(), nomination, stand.org().region().code(), components,
                    raw.isEmpty() ? null : total, 0, Award.NONE, !raw.isEmpty() && raw.size() < weights.size()));
        }
        scores.sort(ORDER);
        List<Score> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            ranked.add(s.rated() ? s.ranked(i + 1) : s);
        }
        return ranked;
    }

    private static List<Standing> standings(List<Stand> stands, List<Score> scores, int top) {
        Map<String, Score> best = new HashMap<>();
        for (Score s : scores) {
            if (s.rated()) {
                best.merge(s.standId(), s, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Stand> sorted = new ArrayList<>(stands);
        sorted.sort(Comparator.comparing((Stand s) -> best.get(s.id().value()), Comparator.nullsLast(ORDER))
                .thenComparing(Stand::id));
        Map<Integer, Integer> regionCounts = new HashMap<>();
        List<Standing> standings = new ArrayList<>();
        int rank = 0;
        for (Stand stand : sorted) {
            Score b = best.get(stand.id().value());
            int region = stand.org().region().code();
            if (b == null) {
                standings.add(new Standing(stand.id().value(), region, null, 0, 0, false));
                continue;
            }
            rank++;
            int regionRank = regionCounts.merge(region, 1, Integer::sum);
            standings.add(new Standing(stand.id().value(), region, b, rank, regionRank, rank <= top));
        }
        return standings;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }
}
