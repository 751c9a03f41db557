package vitrina.generator.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vitrina.generator.problem.Problem;

/**
 * The validated evaluation inputs: a raw value per stand for each indicator whose file was read, and the vote.
 * An indicator with no file (or an unusable one) is absent here and takes no part in the rating.
 *
 * @param values raw values (rounded to 4 decimals) by indicator, then stand id; never holds {@link Indicator#VOTES}
 * @param votes  the vote export, or null when there is none
 */
public record EvaluationInputs(Map<Indicator, Map<String, BigDecimal>> values, VoteTally votes) {

    public EvaluationInputs {
        Map<Indicator, Map<String, BigDecimal>> copy = new EnumMap<>(Indicator.class);
        values.forEach((k, v) -> {
            if (k == Indicator.VOTES) {
                throw new IllegalArgumentException("votes belong in the vote tally");
            }
            copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v)));
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** Whether the indicator's data exists at all (its file, or the vote export). */
    public boolean provided(Indicator indicator) {
        return indicator == Indicator.VOTES ? votes != null : values.containsKey(indicator);
    }

    /**
     * The raw value of the indicator for the stand in the nomination; empty when it is missing for that stand.
     * Votes are never missing once the export exists (an unlisted stand has 0 votes).
     */
    public Optional<BigDecimal> raw(Indicator indicator, String standId, String nominationId) {
        if (indicator == Indicator.VOTES) {
            return votes == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(votes.votes(standId, nominationId)));
        }
        return Optional.ofNullable(values.getOrDefault(indicator, Map.of()).get(standId));
    }

    /**
     * Reads {@code evaluation/*.csv} under {@code contentDir} and the vote export. Every row is validated against
     * the published stands; problems go to {@code problems} with the file relative to the content folder.
     *
     * @param votesExportOrNull  the voting service's export (JSON), or null
     * @param nominationsByStand each published stand's nominations, for the vote export
     */
    public static EvaluationInputs read(Path contentDir, Path votesExportOrNull, Set<String> publishedStandIds,
                                        Map<String, List<String>> nominationsByStand, Consumer<Problem> problems) {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(publishedStandIds, "publishedStandIds");
        Objects.requireNonNull(nominationsByStand, "nominationsByStand");
        Objects.requireNonNull(problems, "problems");
        Map<Indicator, Map<String, BigDecimal>> values = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            if (indicator == Indicator.VOTES) {
                continue;
            }
            Path file = contentDir.resolve(indicator.file());
            if (Files.isRegularFile(file)) {
                Map<String, BigDecimal> raw = IndicatorFile.read(indicator, bytes(file), publishedStandIds, problems);
                if (raw != null) {
                    values.put(indicator, raw);
                }
            }
        }
        VoteTally votes = null;
        if (votesExportOrNull != null) {
            String name = displayName(contentDir, votesExportOrNull);
            if (Files.isRegularFile(votesExportOrNull)) {
                votes = VoteTally.parse(bytes(votesExportOrNull), name, publishedStandIds, nominationsByStand,
                        problems);
            } else {
                problems.accept(Problem.error(name, 0, 0, "evaluation.votes.missing",
                        "Файл итогов голосования не найден; голоса не учитываются",
                        "Укажите путь к выгрузке из сервиса голосования"));
            }
        }
        return new EvaluationInputs(values, votes);
    }

    private static String displayName(Path contentDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = contentDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs.getFileName();
        return shown.toString().replace('\\', '/');
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
