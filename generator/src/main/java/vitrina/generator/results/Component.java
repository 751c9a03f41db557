package vitrina.generator.results;

import java.math.BigDecimal;

/**
 * One indicator's part in a stand's score in a nomination: all figures are published, so anyone can recompute
 * {@code contribution = round4(normalized × weight / Σ weights of the stand's present indicators)} and the total as
 * the sum of contributions.
 *
 * @param indicator       which indicator
 * @param weight          the weight from site.yaml
 * @param raw             the raw value (votes, views, mean score), or null when missing for this stand
 * @param normalized      the percentile within the nomination (0..1, 4 decimals), or null when missing
 * @param effectiveWeight {@code weight / Σ present weights}, shown rounded to 4 decimals; 0 when missing
 * @param contribution    {@code round4(normalized × weight / Σ present weights)}; 0 when missing
 */
public record Component(Indicator indicator, BigDecimal weight, BigDecimal raw, BigDecimal normalized,
                        BigDecimal effectiveWeight, BigDecimal contribution) {

    public boolean missing() {
        return raw == null;
    }
}
