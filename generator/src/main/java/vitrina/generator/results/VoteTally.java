package vitrina.generator.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vitrina.generator.problem.Problem;

/**
 * The open vote as exported by the voting service:
 * {@code {"generated":"...","stands":[{"id":"...","nomination":"...","votes":N,"flagged":M}]}}.
 * {@code votes} holds counted votes only; {@code flagged} votes (suspected stuffing) are excluded from the rating
 * and published beside it. An entry without a nomination counts for the stand in each of its nominations.
 * A published stand absent from the export has 0 votes (the service knows every stand, so absence is a count).
 *
 * @param votes   stand id to nomination id to counted votes, sorted
 * @param flagged stand id to excluded (flagged) votes, sorted; only stands with some
 */
public record VoteTally(Map<String, Map<String, Long>> votes, Map<String, Long> flagged) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public VoteTally {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        votes.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        votes = Collections.unmodifiableMap(copy);
        flagged = Collections.unmodifiableMap(new TreeMap<>(flagged));
    }

    /** Counted votes for the stand in the nomination (0 when the export does not list it). */
    public long votes(String standId, String nominationId) {
        return votes.getOrDefault(standId, Map.of()).getOrDefault(nominationId, 0L);
    }

    public long flagged(String standId) {
        return flagged.getOrDefault(standId, 0L);
    }

    /**
     * Parses the export. {@code file} names it in problems. Returns null when the file is not a valid export (the
     * vote then takes no part, and an error says so).
     */
    public static VoteTally parse(byte[] json, String file, Set<String> publishedStandIds,
                                  Map<String, List<String>> nominationsByStand, Consumer<Problem> problems) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.accept(Problem.error(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "evaluation.votes.format", "Файл голосования не читается как JSON: " + e.getOriginalMessage(),
                    "Выгрузите итоги голосования заново из сервиса голосования; пока голоса не учитываются"));
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (root == null || !root.path("stands").isArray()) {
            problems.accept(Problem.error(file, 1, 1, "evaluation.votes.format",
                    "В файле голосования нет списка stands", "Выгрузите итоги голосования заново из сервиса голосования"));
            return null;
        }
        Map<String, Map<String, Long>> votes = new TreeMap<>();
        Map<String, Long> flagged = new TreeMap<>();
        int index = 0;
        for (JsonNode entry : root.get("stands")) {
            index++;
            String where = "запись №" + index + " в stands";
            String id = entry.path("id").asText("");
            if (!publishedStandIds.contains(id)) {
                problems.accept(Problem.warning(file, 0, 0, "evaluation.stand.unknown",
                        "Стенд «" + id + "» (" + where + ") не опубликован или не существует; его голоса не учитываются",
                        "Проверьте, что сервис голосования загрузил актуальный data/stands.json"));
                continue;
            }
            JsonNode count = entry.path("votes");
            JsonNode bad = entry.path("flagged");
            if (!count.canConvertToLong() || count.asLong() < 0 || count.isFloatingPointNumber()
                    || (!bad.isMissingNode() && (!bad.canConvertToLong() || bad.asLong() < 0))) {
                problems.accept(Problem.error(file, 0, 0, "evaluation.votes.count",
                        "Стенд «" + id + "» (" + where + "): число голосов должно быть целым неотрицательным",
                        "Выгрузите итоги голосования заново из сервиса голосования"));
                continue;
            }
            List<String> standNominations = nominationsByStand.getOrDefault(id, List.of());
            String nomination = entry.path("nomination").asText("");
            List<String> targets = nomination.isEmpty() ? standNominations : List.of(nomination);
            if (!nomination.isEmpty() && !standNominations.contains(nomination)) {
                problems.accept(Problem.warning(file, 0, 0, "evaluation.votes.nomination",
                        "Стенд «" + id + "» не участвует в номинации «" + nomination + "»; эти голоса не учитываются",
                        "Проверьте номинации стенда в stand.yaml и настройки сервиса голосования"));
                continue;
            }
            for (String n : targets) {
                votes.computeIfAbsent(id, k -> new TreeMap<>()).merge(n, count.asLong(), Long::sum);
            }
            if (bad.asLong() > 0) {
                flagged.merge(id, bad.asLong(), Long::sum);
            }
        }
        if (!flagged.isEmpty()) {
            long total = flagged.values().stream().mapToLong(Long::longValue).sum();
            problems.accept(Problem.warning(file, 0, 0, "evaluation.votes.flagged",
                    "Исключено голосов, помеченных сервисом как подозрительные: " + total + " (стенды: "
                            + String.join(", ", flagged.keySet()) + ")",
                    "Эти голоса не входят в рейтинг и публикуются в открытых данных отдельно"));
        }
        return new VoteTally(votes, flagged);
    }
}
