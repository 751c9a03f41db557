package vitrina.voting.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VoterKeyTest {
    final VoterKey keys = new VoterKey(ProofOfWorkTest.SECRET);

    @Test void issuedCookieVerifiesAndForgedOnesDoNot() {
        String cookie = keys.newCookie();
        String id = keys.verifyCookie(cookie).orElseThrow();
        assertTrue(cookie.startsWith(id + "."));
        assertTrue(keys.verifyCookie(id + ".AAAAAAAAAAAAAAAAAAAAAA").isEmpty());
        assertTrue(keys.verifyCookie("x" + cookie).isEmpty());
        assertTrue(keys.verifyCookie("no-dot").isEmpty());
        assertTrue(keys.verifyCookie("a.%%%").isEmpty());
        assertTrue(new VoterKey("another-secret-another-secret!!".getBytes()).verifyCookie(cookie).isEmpty());
    }

    @Test void addressHashIsStableWithinADayAndUnlinkableAcrossDays() {
        LocalDate d = LocalDate.of(2026, 5, 3);
        assertEquals(keys.ipHash("203.0.113.7", d), keys.ipHash("203.0.113.7", d));
        assertNotEquals(keys.ipHash("203.0.113.7", d), keys.ipHash("203.0.113.7", d.plusDays(1)));
        assertTrue(!keys.ipHash("203.0.113.7", d).contains("203"));
    }
}
