package vitrina.voting.vote;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The stands the generator published (from data/stands.json): id to its nominations. Immutable. */
public final class PublishedStands {
    private final Map<String, List<String>> nominations;

    public PublishedStands(Map<String, List<String>> nominations) {
        Map<String, List<String>> copy = new TreeMap<>();
        Objects.requireNonNull(nominations, "nominations").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.nominations = java.util.Collections.unmodifiableMap(copy);
    }

    public static PublishedStands none() { return new PublishedStands(Map.of()); }

    public Optional<List<String>> findNominations(String standId) {
        return Optional.ofNullable(nominations.get(standId));
    }

    public int size() { return nominations.size(); }

    public Map<String, List<String>> asMap() { return nominations; }
}
