package vitrina.generator.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stand's result in one nomination.
 *
 * @param standId        the stand
 * @param nominationId   the nomination
 * @param regionCode     the stand's region code
 * @param components     one per participating indicator, in {@link Indicator} order
 * @param total          the sum of contributions (0..1, 4 decimals), or null when the stand has no data at all
 * @param rank           rank in the nomination (1-based), 0 when not rated
 * @param award          winner, laureate or none
 * @param redistributed  whether some indicator was missing and its weight went to the present ones
 */
public record Score(String standId, String nominationId, int regionCode, List<Component> components,
                    BigDecimal total, int rank, Award award, boolean redistributed) {

    public Score {
        Objects.requireNonNull(standId, "standId");
        Objects.requireNonNull(nominationId, "nominationId");
        components = List.copyOf(components);
    }

    public boolean rated() {
        return total != null;
    }

    public Optional<Component> component(Indicator indicator) {
        return components.stream().filter(c -> c.indicator() == indicator).findFirst();
    }

    /** The raw value of the indicator or null, for tie-breaking. */
    BigDecimal raw(Indicator indicator) {
        return component(indicator).map(Component::raw).orElse(null);
    }

    Score ranked(int newRank) {
        return new Score(standId, nominationId, regionCode, components, total, newRank, Award.forRank(newRank),
                redistributed);
    }
}
