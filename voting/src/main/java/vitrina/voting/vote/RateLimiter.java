package vitrina.voting.vote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hard limits that refuse with {@link Refusal#RATE_LIMITED}: a global token bucket for the instance and a
 * generous per-address bucket (a whole school may share one address, so the per-address limit is about
 * scripts, not classrooms; the soft cap in {@link AnomalyDetector} only flags). Time is passed in, in nanos.
 */
public final class RateLimiter {
    private final Bucket global;
    private final double perIpPerNano;
    private final double perIpBurst;
    private final Map<String, Bucket> perIp = new ConcurrentHashMap<>();

    public RateLimiter(double globalPerSecond, double globalBurst, double perIpPerMinute, double perIpBurst) {
        this.global = new Bucket(globalPerSecond / 1e9, globalBurst, 0);
        this.perIpPerNano = perIpPerMinute / 60e9;
        this.perIpBurst = perIpBurst;
    }

    /** Takes one token from both buckets, or none when either is empty. */
    public boolean tryAcquire(String ipHash, long nowNanos) {
        if (perIp.size() > 100_000) perIp.clear();
        Bucket ip = perIp.computeIfAbsent(ipHash, k -> new Bucket(perIpPerNano, perIpBurst, nowNanos));
        if (!ip.take(nowNanos)) return false;
        if (!global.take(nowNanos)) {
            ip.refund();
            return false;
        }
        return true;
    }

    private static final class Bucket {
        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double ratePerNano, double capacity, long now) {
            this.ratePerNano = ratePerNano;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean take(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
                last = now;
            }
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }

        synchronized void refund() { tokens = Math.min(capacity, tokens + 1); }
    }
}
