package vitrina.generator.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * The mid-rank percentile ("mid-distribution function"): for a value among n values,
 * {@code p = (L + E/2) / n}, where L is how many values are strictly lower and E how many are equal (itself
 * included). The highest of five distinct values gets 0.9, the lowest 0.1, a lone value 0.5, and equal values get
 * equal percentiles. Only the order of values matters, so no single extreme value (a stuffed vote) can gain more
 * than one step over the next stand, and every indicator spreads evenly over 0..1, which makes the weights the
 * indicators' true shares of influence.
 */
final class Percentile {
    private Percentile() {
    }

    /** Percentile of each distinct value of {@code values}, rounded half-up to 4 decimals. */
    static Map<BigDecimal, BigDecimal> of(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        Map<BigDecimal, BigDecimal> result = new HashMap<>();
        BigDecimal twiceN = BigDecimal.valueOf(2L * sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).compareTo(sorted.get(i)) == 0) {
                j++;
            }
            long lower = i;
            long equal = j - i;
            result.put(sorted.get(i).stripTrailingZeros(),
                    BigDecimal.valueOf(2 * lower + equal).divide(twiceN, 4, RoundingMode.HALF_UP));
            i = j;
        }
        return result;
    }

    static BigDecimal lookup(Map<BigDecimal, BigDecimal> table, BigDecimal value) {
        return table.get(value.stripTrailingZeros());
    }
}
