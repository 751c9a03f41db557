package vitrina.voting.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vitrina.voting.vote.ProofOfWork;

/**
 * A synthetic voter for the benchmark and the kill -9 test: fetches a challenge, solves it (the service runs
 * with --benchmark-insecure and a low --pow-bits), casts the vote with the {@code X-Bench-Voter} header.
 */
public final class VoteClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String origin;

    /** The outcome of one vote: HTTP status, the acknowledged vote id (201 only), and POST latency. */
    public record Result(int status, String voteId, long postNanos) {}

    public VoteClient(String base, String origin) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.origin = origin;
        URI u = URI.create(base);
        this.raw = ThreadLocal.withInitial(() -> new LoopbackHttp(u.getHost(), u.getPort()));
    }

    private final ThreadLocal<LoopbackHttp> raw;

    /** Votes over a minimal per-thread keep-alive socket instead of java.net.http (cheaper on 2 cores). */
    public Result voteRaw(String voter, String stand) throws IOException {
        LoopbackHttp h = raw.get();
        String headers = "Origin: " + origin + "\r\nX-Bench-Voter: " + voter + "\r\n";
        LoopbackHttp.Response c = h.send("GET", "/api/v1/challenge?stand=" + stand, headers, null);
        if (c.status() != 200) return new Result(c.status(), null, 0);
        JsonNode ch = JSON.readTree(c.body());
        String token = ch.get("challenge").asText();
        String solution = ProofOfWork.solve(token, ch.get("difficulty").asInt());
        String body = "{\"stand\":\"" + stand + "\",\"challenge\":\"" + token + "\",\"solution\":\"" + solution + "\"}";
        long t0 = System.nanoTime();
        LoopbackHttp.Response v = h.send("POST", "/api/v1/votes", headers, body);
        long took = System.nanoTime() - t0;
        String id = v.status() == 201 ? JSON.readTree(v.body()).path("vote").path("id").asText() : null;
        return new Result(v.status(), id, took);
    }

    public Result vote(String voter, String stand) throws IOException, InterruptedException {
        HttpResponse<String> c = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/challenge?stand=" + stand))
                .header("Origin", origin).header("X-Bench-Voter", voter).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (c.statusCode() != 200) return new Result(c.statusCode(), null, 0);
        JsonNode ch = JSON.readTree(c.body());
        String token = ch.get("challenge").asText();
        String solution = ProofOfWork.solve(token, ch.get("difficulty").asInt());
        String body = "{\"stand\":\"" + stand + "\",\"challenge\":\"" + token + "\",\"solution\":\"" + solution + "\"}";
        long t0 = System.nanoTime();
        HttpResponse<String> v = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/votes"))
                .header("Origin", origin).header("X-Bench-Voter", voter).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        String id = v.statusCode() == 201 ? JSON.readTree(v.body()).path("vote").path("id").asText() : null;
        return new Result(v.statusCode(), id, took);
    }
}
