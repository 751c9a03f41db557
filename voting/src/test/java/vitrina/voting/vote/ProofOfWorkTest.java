package vitrina.voting.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    final ProofOfWork pow = new ProofOfWork(SECRET, 10, Duration.ofMinutes(5));
    final Instant now = Instant.parse("2026-05-03T10:00:00Z");

    @Test void solvedChallengeVerifiesAndYieldsItsNonce() {
        ProofOfWork.Challenge c = pow.issue("s1", "voter", now);
        String solution = ProofOfWork.solve(c.token(), c.difficulty());
        ProofOfWork.Solved s = pow.verify(c.token(), solution, "s1", "voter", now.plusSeconds(10));
        assertEquals(now.plus(Duration.ofMinutes(5)), s.expires());
        assertTrue(ProofOfWork.hasLeadingZeroBits(ProofOfWork.sha256(c.token() + ":" + solution), 10));
    }

    @Test void challengeIsBoundToStandVoterAndTime() {
        ProofOfWork.Challenge c = pow.issue("s1", "voter", now);
        String solution = ProofOfWork.solve(c.token(), c.difficulty());
        assertEquals(Refusal.POW_INVALID, refusal(() -> pow.verify(c.token(), solution, "s2", "voter", now)));
        assertEquals(Refusal.POW_INVALID, refusal(() -> pow.verify(c.token(), solution, "s1", "other", now)));
        assertEquals(Refusal.POW_EXPIRED, refusal(() -> pow.verify(c.token(), solution, "s1", "voter", now.plusSeconds(301))));
    }

    @Test void forgedOrEasierChallengesAreInvalid() {
        ProofOfWork other = new ProofOfWork("another-secret-another-secret!!".getBytes(), 0, Duration.ofMinutes(5));
        ProofOfWork.Challenge foreign = other.issue("s1", "voter", now);
        assertEquals(Refusal.POW_INVALID, refusal(() -> pow.verify(foreign.token(), "0", "s1", "voter", now)));
        assertEquals(Refusal.POW_INVALID, refusal(() -> pow.verify("garbage", "1", "s1", "voter", now)));
        assertEquals(Refusal.POW_INVALID, refusal(() -> pow.verify("a.b", "-1", "s1", "voter", now)));
        assertEquals(Refusal.POW_MISSING, refusal(() -> pow.verify(null, null, "s1", "voter", now)));
    }

    @Test void leadingZeroBitsAreCountedBitByBit() {
        assertTrue(ProofOfWork.hasLeadingZeroBits(new byte[] {0, 0x0f, 1}, 12));
        assertFalse(ProofOfWork.hasLeadingZeroBits(new byte[] {0, 0x1f, 1}, 12));
        assertTrue(ProofOfWork.hasLeadingZeroBits(new byte[] {(byte) 0xff}, 0));
    }

    @Test void replayGuardAcceptsEachNonceOnce() {
        ReplayGuard g = new ReplayGuard();
        assertTrue(g.firstUse("n1", now.plusSeconds(60), now));
        assertFalse(g.firstUse("n1", now.plusSeconds(60), now));
        assertTrue(g.firstUse("n2", now.plusSeconds(60), now));
    }

    static Refusal refusal(Runnable r) {
        return assertThrows(Refused.class, r::run).refusal();
    }
}
