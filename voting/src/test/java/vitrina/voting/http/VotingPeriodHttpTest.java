package vitrina.voting.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VotingPeriodHttpTest {
    @TempDir Path dir;

    @Test void votingAfterThePeriodIsClosed() throws Exception {
        try (TestServer s = new TestServer(dir, "--from", "2020-01-01", "--to", "2020-12-31")) {
            HttpResponse<String> r = s.get("/api/v1/challenge?stand=sochi-school-12", "Origin", TestServer.ORIGIN);
            assertEquals(403, r.statusCode());
            assertEquals("VOTING_CLOSED", TestServer.code(r));
            HttpResponse<String> v = s.post("/api/v1/votes", TestServer.body("sochi-school-12", null, "a.b", "1"),
                    "Origin", TestServer.ORIGIN, "Cookie", "vitrina_voter=x.y");
            assertEquals("VOTER_COOKIE_FORGED", TestServer.code(v), "cookie is checked first");
        }
    }

    @Test void votingBeforeThePeriodHasNotStarted() throws Exception {
        try (TestServer s = new TestServer(dir, "--from", "2098-01-01", "--to", "2098-12-31")) {
            HttpResponse<String> r = s.get("/api/v1/challenge?stand=sochi-school-12", "Origin", TestServer.ORIGIN);
            assertEquals("VOTING_NOT_STARTED", TestServer.code(r));
        }
    }

    @Test void rateLimitRefusesWithRetryAfter() throws Exception {
        try (TestServer s = new TestServer(dir, "--rate-ip", "2")) {
            assertEquals(201, s.new Voter().vote("sochi-school-12", null).statusCode());
            assertEquals(201, s.new Voter().vote("sochi-school-12", null).statusCode());
            HttpResponse<String> r = s.new Voter().vote("sochi-school-12", null);
            assertEquals(429, r.statusCode());
            assertEquals("RATE_LIMITED", TestServer.code(r));
            assertEquals("60", r.headers().firstValue("Retry-After").orElse(""));
        }
    }
}
