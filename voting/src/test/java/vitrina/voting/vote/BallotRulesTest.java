package vitrina.voting.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BallotRulesTest {
    final PublishedStands stands = new PublishedStands(Map.of("one", List.of("innovation"),
            "two", List.of("innovation", "upbringing"), "none", List.of()));
    final BallotRules rules = new BallotRules(new VotingPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 31)),
            () -> stands, false);

    @Test void periodIsInclusiveInMoscowTime() {
        // 2026-04-30T21:00Z is already May 1st, 00:00 in Moscow
        assertEquals("innovation", rules.admit("one", null, Instant.parse("2026-04-30T21:00:00Z")).nomination());
        assertEquals(Refusal.VOTING_NOT_STARTED, ProofOfWorkTest.refusal(
                () -> rules.admit("one", null, Instant.parse("2026-04-30T20:59:59Z"))));
        rules.admit("one", null, Instant.parse("2026-07-31T20:59:59Z"));
        assertEquals(Refusal.VOTING_CLOSED, ProofOfWorkTest.refusal(
                () -> rules.admit("one", null, Instant.parse("2026-07-31T21:00:00Z"))));
    }

    @Test void onlyPublishedStandsAndTheirNominations() {
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        assertEquals(Refusal.STAND_UNKNOWN, ProofOfWorkTest.refusal(() -> rules.admit("ghost", null, t)));
        assertEquals(Refusal.NOMINATION_REQUIRED, ProofOfWorkTest.refusal(() -> rules.admit("two", null, t)));
        assertEquals(Refusal.NOMINATION_UNKNOWN, ProofOfWorkTest.refusal(() -> rules.admit("one", "sport", t)));
        assertEquals("upbringing", rules.admit("two", "upbringing", t).nomination());
        assertEquals("", rules.admit("none", null, t).nomination());
        assertEquals(BallotRules.WHOLE_CONTEST, rules.admit("one", null, t).periodKey());
    }

    @Test void perDayRulesKeyBallotsByMoscowDate() {
        BallotRules daily = new BallotRules(rules.period(), () -> stands, true);
        assertEquals("2026-06-02", daily.admit("one", null, Instant.parse("2026-06-01T22:30:00Z")).periodKey());
    }

    @Test void anomaliesFlagManyVotesFromOneAddressAndBursts() {
        AnomalyDetector d = new AnomalyDetector(3, 100);
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        for (int i = 0; i < 3; i++) assertEquals(java.util.Optional.empty(), d.inspect("ip", "s" + i, t));
        assertEquals(java.util.Optional.of(AnomalyDetector.IP_SOFT_CAP), d.inspect("ip", "s9", t));
        AnomalyDetector burst = new AnomalyDetector(1000, 2);
        burst.inspect("a", "s", t);
        burst.inspect("b", "s", t);
        assertEquals(java.util.Optional.of(AnomalyDetector.STAND_BURST), burst.inspect("c", "s", t));
        assertEquals(java.util.Optional.empty(), burst.inspect("d", "s", t.plusSeconds(60)));
    }

    @Test void rateLimiterRefillsOverTime() {
        RateLimiter r = new RateLimiter(1000, 1000, 60, 2);
        assertEquals(true, r.tryAcquire("ip", 0));
        assertEquals(true, r.tryAcquire("ip", 0));
        assertEquals(false, r.tryAcquire("ip", 0));
        assertEquals(true, r.tryAcquire("other", 0));
        assertEquals(true, r.tryAcquire("ip", 1_000_000_000L));
    }
}
