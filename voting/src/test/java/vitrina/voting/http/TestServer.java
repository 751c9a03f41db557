package vitrina.voting.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vitrina.voting.config.ConfigReader;
import vitrina.voting.config.StandsSource;
import vitrina.voting.config.VotingConfig;
import vitrina.voting.store.SqliteVoteStore;
import vitrina.voting.vote.ProofOfWork;

/** A real server on 127.0.0.1, port 0, over a temp SQLite file, with a real java.net.http client (Javalin's JavalinTest habit). */
final class TestServer implements AutoCloseable {
    static final String ORIGIN = "http://127.0.0.1:8080";
    static final String TOKEN = "test-admin-token";
    static final ObjectMapper JSON = new ObjectMapper();
    final VotingServer server;
    final SqliteVoteStore store;
    final HttpClient client = HttpClient.newHttpClient();
    final Path dir;

    TestServer(Path dir, String... extraArgs) throws IOException {
        this.dir = dir;
        Path stands = dir.resolve("stands.json");
        Files.writeString(stands, """
                {"stands":[
                  {"id":"sochi-school-12","name":"МБОУ СОШ № 12","region":23,"nominations":["innovation"]},
                  {"id":"kazan-lyceum-2","nominations":["innovation","upbringing"]},
                  {"id":"tver-kindergarten-5","nominations":[],"future":"ignored"}
                ]}""");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0",
                "--db", "sqlite:" + dir.resolve("votes.db"), "--stands", stands.toString(),
                "--from", "2020-01-01", "--to", "2099-12-31", "--origin", ORIGIN, "--admin-token", TOKEN,
                "--pow-bits", "8", "--secret", "0123456789abcdef0123456789abcdef"));
        args.addAll(List.of(extraArgs));
        VotingConfig config = ConfigReader.read(args.toArray(String[]::new), Map.of());
        this.store = SqliteVoteStore.open(config.sqliteFile());
        StandsSource source = new StandsSource(config.stands());
        source.reload();
        this.server = new VotingServer(config, store, source, Clock.systemUTC()).start();
    }

    URI uri(String path) { return URI.create("http://127.0.0.1:" + server.port() + path); }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser-like voter: keeps the cookie the service sets and sends the site's Origin. */
    final class Voter {
        String cookie;

        JsonNode challenge(String stand) throws IOException, InterruptedException {
            HttpResponse<String> r = cookie == null ? get("/api/v1/challenge?stand=" + stand, "Origin", ORIGIN)
                    : get("/api/v1/challenge?stand=" + stand, "Origin", ORIGIN, "Cookie", cookie);
            r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            if (r.statusCode() != 200) throw new AssertionError("challenge failed: " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body());
        }

        /** Gets a challenge, solves it and posts the vote; returns the raw response. */
        HttpResponse<String> vote(String stand, String nomination) throws IOException, InterruptedException {
            JsonNode c = challenge(stand);
            String solution = ProofOfWork.solve(c.get("challenge").asText(), c.get("difficulty").asInt());
            return send(body(stand, nomination, c.get("challenge").asText(), solution));
        }

        HttpResponse<String> send(String body) throws IOException, InterruptedException {
            return cookie == null ? post("/api/v1/votes", body, "Origin", ORIGIN)
                    : post("/api/v1/votes", body, "Origin", ORIGIN, "Cookie", cookie);
        }
    }

    static String body(String stand, String nomination, String challenge, String solution) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("stand", stand);
        if (nomination != null) m.put("nomination", nomination);
        m.put("challenge", challenge);
        m.put("solution", solution);
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body()).path("error").path("code").asText();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
