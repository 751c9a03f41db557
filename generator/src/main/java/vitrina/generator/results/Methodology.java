package vitrina.generator.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import vitrina.generator.model.SiteConfig;

/**
 * The methodology page's Markdown ({@code vitrina/results/methodology.md}) with the actual weights, the size of the
 * "N best" list and the open-data links filled in; the render stage turns it into {@code /results/methodology/}.
 */
public final class Methodology {
    private Methodology() {
    }

    /**
     * @param settings   site.yaml {@code evaluation:}; weights of 0 are shown as «0 (не участвует)»
     * @param results    the computed rating (an indicator with a weight but no data is shown as not taking part)
     * @param resultsCsv URL of the results CSV download
     * @param resultsJson URL of the results JSON download
     */
    public static String markdown(SiteConfig.Evaluation settings, Results results, String resultsCsv,
                                  String resultsJson) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(results, "results");
        String text = template();
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator i : Indicator.values()) {
            BigDecimal w = results.weights().get(i);
            Double configured = settings.weights().get(i.id());
            String shown;
            if (w != null) {
                shown = russian(w);
                sum = sum.add(w);
            } else if (configured != null && configured > 0) {
                shown = russian(BigDecimal.valueOf(configured)) + " (нет данных, не участвует)";
            } else {
                shown = "0 (не участвует)";
            }
            text = text.replace("{{" + i.id() + "}}", shown);
        }
        return text.replace("{{weights_sum}}", russian(sum))
                .replace("{{top}}", String.valueOf(settings.top()))
                .replace("{{results_csv}}", Objects.requireNonNull(resultsCsv, "resultsCsv"))
                .replace("{{results_json}}", Objects.requireNonNull(resultsJson, "resultsJson"));
    }

    /** The placeholders the template uses, for documentation and tests. */
    public static Map<String, String> placeholders() {
        return Map.of("{{experts}}", "вес", "{{votes}}", "вес", "{{views}}", "вес", "{{surveys}}", "вес",
                "{{authorities}}", "вес", "{{weights_sum}}", "сумма участвующих весов", "{{top}}", "N лучших",
                "{{results_csv}}", "ссылка на CSV", "{{results_json}}", "ссылка на JSON");
    }

    private static String russian(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String template() {
        try (InputStream in = Methodology.class.getResourceAsStream("/vitrina/results/methodology.md")) {
            return new String(Objects.requireNonNull(in, "methodology.md").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
