package vitrina.voting.vote;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pseudonymous voter identity. The voter is a random id carried in a signed HttpOnly cookie; the database
 * only sees a keyed hash of it. The address is never stored: only a keyed hash of the IP under a salt
 * derived from the secret and the Moscow date, so hashes of different days cannot be linked.
 */
public final class VoterKey {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final Hmac hmac;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, Hmac> dailySalts = new ConcurrentHashMap<>();

    public VoterKey(byte[] secret) {
        this.hmac = new Hmac(Objects.requireNonNull(secret, "secret"));
    }

    /** A fresh cookie value {@code <id>.<signature>}. */
    public String newCookie() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String idText = B64.encodeToString(id);
        return idText + "." + signature(idText);
    }

    /** The voter id inside a cookie value, or empty when it is malformed or not signed by us. */
    public Optional<String> verifyCookie(String cookie) {
        if (cookie == null || cookie.length() > 100) return Optional.empty();
        int dot = cookie.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String id = cookie.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(cookie.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = B64D.decode(signature(id));
        return Hmac.equal(given, expected) ? Optional.of(id) : Optional.empty();
    }

    /** Keyed hash of the voter id; this, not the id, goes into the database. */
    public String voterHash(String voterId) {
        return hmac.hex("voter|" + voterId, 16);
    }

    /** Keyed hash of the address under the salt of the given Moscow day. */
    public String ipHash(String ip, LocalDate day) {
        if (dailySalts.size() > 8) dailySalts.keySet().removeIf(d -> d.isBefore(day.minusDays(2)));
        Hmac salt = dailySalts.computeIfAbsent(day, d -> new Hmac(hmac.sign("ip-salt|" + d)));
        return salt.hex(ip, 12);
    }

    private String signature(String id) {
        byte[] sig = hmac.sign("cookie|" + id);
        return B64.encodeToString(java.util.Arrays.copyOf(sig, 16));
    }
}
