package vitrina.voting.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.voting.vote.ProofOfWork;

class VotingServerTest {
    @TempDir static Path dir;
    static TestServer s;

    @BeforeAll static void start() throws Exception { s = new TestServer(dir); }

    @AfterAll static void stop() { s.close(); }

    @Test void healthzReportsStandsAndOpenPeriod() throws Exception {
        HttpResponse<String> r = s.get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"stands\":3,\"votingOpen\":true}", r.body());
    }

    @Test void acceptedVoteSetsHttpOnlyCookieAndShowsInCounts() throws Exception {
        TestServer.Voter v = s.new Voter();
        JsonNode c = v.challenge("sochi-school-12");
        assertTrue(v.cookie.startsWith("vitrina_voter="), v.cookie);
        String solution = ProofOfWork.solve(c.get("challenge").asText(), 8);
        HttpResponse<String> r = v.send(TestServer.body("sochi-school-12", null, c.get("challenge").asText(), solution));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("innovation", TestServer.JSON.readTree(r.body()).path("vote").path("nomination").asText());
        assertEquals(TestServer.ORIGIN, r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        Thread.sleep(1100); // counts snapshot refreshes at most once a second
        JsonNode counts = TestServer.JSON.readTree(s.get("/api/v1/counts/sochi-school-12").body());
        assertTrue(counts.get("votes").asLong() >= 1, counts.toString());
    }

    @Test void challengeCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> r = s.get("/api/v1/challenge?stand=sochi-school-12", "Origin", TestServer.ORIGIN);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "http origin must not get a Secure cookie: " + cookie);
    }

    @Test void secondVoteForSameStandIsAlreadyVoted() throws Exception {
        TestServer.Voter v = s.new Voter();
        assertEquals(201, v.vote("kazan-lyceum-2", "upbringing").statusCode());
        HttpResponse<String> again = v.vote("kazan-lyceum-2", "upbringing");
        assertEquals(409, again.statusCode());
        assertEquals("ALREADY_VOTED", TestServer.code(again));
        assertEquals(201, v.vote("kazan-lyceum-2", "innovation").statusCode(), "another nomination is another ballot");
    }

    @Test void replayedProofOfWorkIsRefused() throws Exception {
        TestServer.Voter v = s.new Voter();
        JsonNode c = v.challenge("tver-kindergarten-5");
        String body = TestServer.body("tver-kindergarten-5", null, c.get("challenge").asText(),
                ProofOfWork.solve(c.get("challenge").asText(), 8));
        assertEquals(201, v.send(body).statusCode());
        HttpResponse<String> replay = v.send(body);
        assertEquals(409, replay.statusCode());
        assertEquals("POW_REPLAYED", TestServer.code(replay));
    }

    @Test void wrongSolutionAndForeignChallengeAreInvalid() throws Exception {
        TestServer.Voter v = s.new Voter();
        JsonNode c = v.challenge("sochi-school-12");
        String token = c.get("challenge").asText();
        String bad = "0";
        while (ProofOfWork.solve(token, 8).equals(bad)) bad = bad + "1";
        assertEquals("POW_INVALID", TestServer.code(v.send(TestServer.body("sochi-school-12", null, token, bad + "9"))));
        TestServer.Voter other = s.new Voter();
        other.challenge("sochi-school-12");
        HttpResponse<String> stolen = other.send(TestServer.body("sochi-school-12", null, token, ProofOfWork.solve(token, 8)));
        assertEquals("POW_INVALID", TestServer.code(stolen), "a challenge is bound to the voter it was issued to");
        assertEquals("POW_MISSING", TestServer.code(v.send("{\"stand\":\"sochi-school-12\"}")));
    }

    @Test void malformedJsonIsBadJson() throws Exception {
        TestServer.Voter v = s.new Voter();
        v.challenge("sochi-school-12");
        for (String body : List.of("{\"stand\":", "[1,2]", "null", "", "{'stand':'x'}")) {
            HttpResponse<String> r = v.send(body);
            assertEquals(400, r.statusCode(), body);
            assertEquals("BAD_JSON", TestServer.code(r), body);
        }
        assertEquals("BAD_REQUEST", TestServer.code(v.send("{\"stand\":{\"$gt\":\"\"}}")));
    }

    @Test void hugeBodyIsRefusedBeforeParsing() throws Exception {
        HttpResponse<String> r = s.post("/api/v1/votes", "{\"stand\":\"" + "a".repeat(1_000_000) + "\"}",
                "Origin", TestServer.ORIGIN);
        assertEquals(413, r.statusCode());
        assertEquals("BODY_TOO_LARGE", TestServer.code(r));
    }

    @Test void unknownStandAndSqlInjectionAreStandUnknown() throws Exception {
        TestServer.Voter v = s.new Voter();
        v.challenge("sochi-school-12");
        for (String stand : List.of("no-such-stand", "x'; DROP TABLE votes; --", "' OR '1'='1")) {
            HttpResponse<String> r = v.send(TestServer.body(stand, null, "t.x", "1"));
            assertEquals(404, r.statusCode(), stand);
            assertEquals("STAND_UNKNOWN", TestServer.code(r));
        }
        assertEquals(404, s.get("/api/v1/challenge?stand=%27%20OR%201=1--", "Origin", TestServer.ORIGIN).statusCode());
        assertEquals(200, s.get("/api/v1/counts").statusCode(), "votes table still there");
    }

    @Test void nominationMustBeChosenWhenStandHasSeveral() throws Exception {
        TestServer.Voter v = s.new Voter();
        assertEquals("NOMINATION_REQUIRED", TestServer.code(v.vote("kazan-lyceum-2", null)));
        assertEquals("NOMINATION_UNKNOWN", TestServer.code(v.vote("kazan-lyceum-2", "sport")));
    }

    @Test void forgedAndMissingCookiesAreRefused() throws Exception {
        TestServer.Voter v = s.new Voter();
        JsonNode c = v.challenge("sochi-school-12");
        String token = c.get("challenge").asText();
        String body = TestServer.body("sochi-school-12", null, token, ProofOfWork.solve(token, 8));
        String id = v.cookie.substring(v.cookie.indexOf('=') + 1, v.cookie.indexOf('.'));
        HttpResponse<String> forged = s.post("/api/v1/votes", body, "Origin", TestServer.ORIGIN,
                "Cookie", "vitrina_voter=" + id + ".AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(403, forged.statusCode());
        assertEquals("VOTER_COOKIE_FORGED", TestServer.code(forged));
        assertTrue(forged.headers().firstValue("Set-Cookie").isPresent(), "a fresh cookie replaces the forged one");
        HttpResponse<String> missing = s.post("/api/v1/votes", body, "Origin", TestServer.ORIGIN);
        assertEquals("VOTER_COOKIE_MISSING", TestServer.code(missing));
    }

    @Test void benchmarkHeaderIsIgnoredOutsideBenchmarkMode() throws Exception {
        HttpResponse<String> r = s.post("/api/v1/votes", "{\"stand\":\"sochi-school-12\"}", "Origin", TestServer.ORIGIN,
                "X-Bench-Voter", "v1");
        assertEquals("VOTER_COOKIE_MISSING", TestServer.code(r));
    }

    @Test void wrongOrMissingOriginIsForbiddenForWrites() throws Exception {
        HttpResponse<String> evil = s.post("/api/v1/votes", "{}", "Origin", "https://evil.example");
        assertEquals(403, evil.statusCode());
        assertEquals("ORIGIN_FORBIDDEN", TestServer.code(evil));
        assertFalse(evil.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("ORIGIN_FORBIDDEN", TestServer.code(s.post("/api/v1/votes", "{}")));
        assertEquals("ORIGIN_FORBIDDEN", TestServer.code(
                s.get("/api/v1/challenge?stand=sochi-school-12", "Origin", "https://evil.example")));
        HttpResponse<String> counts = s.get("/api/v1/counts", "Origin", "https://evil.example");
        assertEquals(200, counts.statusCode(), "counts are public, just without CORS headers");
        assertFalse(counts.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test void preflightAllowsOnlyTheSiteOrigin() throws Exception {
        var ok = s.client.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/votes"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestServer.ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, ok.statusCode());
        assertEquals("GET, POST", ok.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        var bad = s.client.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/votes"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, bad.statusCode());
    }

    @Test void countsAreCacheableWithEtag() throws Exception {
        HttpResponse<String> r = s.get("/api/v1/counts");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertEquals(304, s.get("/api/v1/counts", "If-None-Match", etag).statusCode());
        assertEquals("STAND_UNKNOWN", TestServer.code(s.get("/api/v1/counts/nope")));
    }

    @Test void adminExportNeedsTokenAndGivesAVerifiableChain() throws Exception {
        assertEquals("UNAUTHORIZED", TestServer.code(s.get("/api/v1/admin/export/counts.json")));
        assertEquals(401, s.get("/api/v1/admin/export/ballots.json", "Authorization", "Bearer wrong").statusCode());
        TestServer.Voter v = s.new Voter();
        assertEquals(201, v.vote("kazan-lyceum-2", "innovation").statusCode());
        String auth = "Bearer " + TestServer.TOKEN;
        JsonNode counts = TestServer.JSON.readTree(s.get("/api/v1/admin/export/counts.json", "Authorization", auth).body());
        assertEquals("vitrina-votes/1", counts.get("format").asText());
        assertTrue(counts.get("stands").size() >= 1);
        JsonNode log = TestServer.JSON.readTree(s.get("/api/v1/admin/export/ballots.json", "Authorization", auth).body());
        JsonNode day = log.get("days").get(0);
        assertEquals(vitrina.voting.export.BallotLog.GENESIS, day.get("prev").asText());
        assertEquals(64, day.get("hash").asText().length());
        String csv = s.get("/api/v1/admin/export/ballots.csv", "Authorization", auth).body();
        assertTrue(csv.startsWith("day,id,minute,stand,nomination,status,reason\n"), csv);
        assertFalse(csv.contains("127.0.0.1"), "no address in the published log");
        String chain = s.get("/api/v1/admin/export/chain.csv", "Authorization", auth).body();
        assertTrue(chain.contains(day.get("hash").asText()), chain);
    }

    @Test void pageViewBeaconIgnoresBots() throws Exception {
        HttpResponse<String> human = s.post("/api/v1/views", "{\"stand\":\"sochi-school-12\"}", "Origin", TestServer.ORIGIN,
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        assertEquals(204, human.statusCode());
        assertTrue(human.headers().firstValue("Set-Cookie").isEmpty(), "the beacon sets no cookie");
        assertTrue(ViewsHandler.isBot("Mozilla/5.0 (compatible; YandexBot/3.0)"));
        assertTrue(ViewsHandler.isBot("Java-http-client/17"));
        assertFalse(ViewsHandler.isBot("Mozilla/5.0 (Windows NT 10.0) YaBrowser/25.2 YandexBrowser"));
        assertEquals("STAND_UNKNOWN", TestServer.code(s.post("/api/v1/views", "{\"stand\":\"nope\"}", "Origin", TestServer.ORIGIN)));
    }

    @Test void unknownRouteAndMethodUseTheErrorShape() throws Exception {
        HttpResponse<String> r = s.get("/api/v1/nothing");
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Такого адреса нет.\"}}", r.body());
    }

    @Test void concurrentVotersAreAllAcknowledged() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) jobs.add(() -> s.new Voter().vote("sochi-school-12", "innovation").statusCode());
            for (Future<Integer> f : pool.invokeAll(jobs)) assertEquals(201, f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
