package vitrina.voting.vote;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers consumed proof-of-work nonces until their challenge expires, so a solved challenge is
 * accepted once per instance. Across instances the store's unique nonce column is the final guard.
 */
public final class ReplayGuard {
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    /** True the first time a nonce is seen, false on every replay. */
    public boolean firstUse(String nonce, Instant expires, Instant now) {
        if (sinceSweep.incrementAndGet() >= 4096) {
            sinceSweep.set(0);
            used.values().removeIf(e -> e.isBefore(now));
        }
        return used.putIfAbsent(nonce, expires) == null;
    }

    int size() { return used.size(); }
}
