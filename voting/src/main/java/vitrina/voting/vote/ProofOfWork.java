package vitrina.voting.vote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Self-hosted proof-of-work. The server issues a signed challenge bound to one stand, one voter and an
 * expiry; the browser finds a decimal {@code solution} such that SHA-256 of
 * {@code challenge + ":" + solution} starts with {@code difficulty} zero bits. Verification is one hash;
 * single use is enforced by {@link ReplayGuard} and by a unique column in the store.
 */
public final class ProofOfWork {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final Hmac hmac;
    private final int difficulty;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    /** An issued challenge; {@code token} is opaque to the client. */
    public record Challenge(String token, int difficulty, Instant expires) {}

    /** What a verified solution proves: the challenge's own nonce, to be consumed once. */
    public record Solved(String nonce, Instant expires) {}

    public ProofOfWork(byte[] secret, int difficulty, Duration ttl) {
        if (difficulty < 0 || difficulty > 32) throw new IllegalArgumentException("difficulty 0..32: " + difficulty);
        this.hmac = new Hmac(Objects.requireNonNull(secret, "secret"));
        this.difficulty = difficulty;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public int difficulty() { return difficulty; }

    public Challenge issue(String standId, String voterHash, Instant now) {
        byte[] n = new byte[12];
        random.nextBytes(n);
        Instant expires = now.plus(ttl);
        String payload = String.join("|", "v1", B64.encodeToString(n), standId, voterHash,
                Integer.toString(difficulty), Long.toString(expires.getEpochSecond()));
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Challenge(body + "." + B64.encodeToString(hmac.sign("pow|" + body)), difficulty, expires);
    }

    /** Checks signature, binding, expiry and the work itself; throws {@link Refused} with the precise code. */
    public Solved verify(String token, String solution, String standId, String voterHash, Instant now) {
        if (token == null || token.isEmpty() || solution == null || solution.isEmpty()) throw new Refused(Refusal.POW_MISSING);
        if (token.length() > 400 || solution.length() > 20 || !solution.chars().allMatch(Character::isDigit)) {
            throw new Refused(Refusal.POW_INVALID);
        }
        int dot = token.indexOf('.');
        if (dot <= 0) throw new Refused(Refusal.POW_INVALID);
        String body = token.substring(0, dot);
        String[] f;
        try {
            byte[] sig = B64D.decode(token.substring(dot + 1));
            if (!Hmac.equal(sig, hmac.sign("pow|" + body))) throw new Refused(Refusal.POW_INVALID);
            f = new String(B64D.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw new Refused(Refusal.POW_INVALID);
        }
        if (f.length != 6 || !"v1".equals(f[0]) || !f[2].equals(standId) || !f[3].equals(voterHash)) {
            throw new Refused(Refusal.POW_INVALID);
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(f[5]));
        if (now.isAfter(expires)) throw new Refused(Refusal.POW_EXPIRED);
        if (!hasLeadingZeroBits(sha256(token + ":" + solution), Integer.parseInt(f[4]))) {
            throw new Refused(Refusal.POW_INVALID);
        }
        return new Solved(f[1], expires);
    }

    /** Finds a solution by brute force; used by tests and the benchmark client, as the browser does. */
    public static String solve(String token, int difficulty) {
        for (long i = 0; ; i++) {
            String s = Long.toString(i);
            if (hasLeadingZeroBits(sha256(token + ":" + s), difficulty)) return s;
        }
    }

    static boolean hasLeadingZeroBits(byte[] hash, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) if (hash[i] != 0) return false;
        int rest = bits % 8;
        return rest == 0 || (hash[full] & 0xff) >>> (8 - rest) == 0;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(byte[] b) { return HexFormat.of().formatHex(b); }
}
