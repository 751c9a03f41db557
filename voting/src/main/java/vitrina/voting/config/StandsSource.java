package vitrina.voting.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vitrina.voting.vote.PublishedStands;

/**
 * Loads the generator's {@code data/stands.json} ({@code {"stands":[{"id":..,"nominations":[..]}]}}) from a
 * file path or an http(s) URL. Unknown fields are ignored; a stand without an id is skipped.
 */
public final class StandsSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String location;
    private volatile PublishedStands current = PublishedStands.none();

    public StandsSource(String location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    public String location() { return location; }

    /** The list loaded last (empty before the first successful {@link #reload()}). */
    public PublishedStands current() { return current; }

    /** Loads the list again and makes it current; on failure the previous list stays and the error is thrown. */
    public PublishedStands reload() {
        PublishedStands fresh = load();
        current = fresh;
        return fresh;
    }

    public PublishedStands load() {
        try (InputStream in = open()) {
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new ConfigException("Не удалось прочитать список стендов " + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("Чтение списка стендов прервано: " + location, e);
        }
    }

    static PublishedStands parse(JsonNode root) {
        JsonNode arr = root == null ? null : root.get("stands");
        if (arr == null || !arr.isArray()) throw new ConfigException("В списке стендов нет массива \"stands\".");
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode s : arr) {
            String id = s.path("id").asText("");
            if (id.isEmpty()) continue;
            List<String> noms = new ArrayList<>();
            s.path("nominations").forEach(n -> noms.add(n.asText()));
            out.put(id, noms);
        }
        return new PublishedStands(out);
    }

    private InputStream open() throws IOException, InterruptedException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(location))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode());
            return r.body();
        }
        return Files.newInputStream(Path.of(location));
    }
}
