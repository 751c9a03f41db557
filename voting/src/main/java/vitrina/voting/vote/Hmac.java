package vitrina.voting.vote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one key; one initialised Mac per thread keeps it thread-safe without locks. */
final class Hmac {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    Hmac(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("secret must have at least 16 bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    byte[] sign(String message) {
        return macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)); // doFinal resets the Mac
    }

    String hex(String message, int bytes) {
        byte[] full = sign(message);
        return HexFormat.of().formatHex(full, 0, bytes);
    }

    static boolean equal(byte[] a, byte[] b) { return MessageDigest.isEqual(a, b); }
}
