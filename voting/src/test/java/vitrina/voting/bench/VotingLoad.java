package vitrina.voting.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded load generator for bench/voting.sh (loopback only). Modes:
 * {@code max <threads> <seconds> <maxVotes>}: closed loop, as fast as the service accepts;
 * {@code rate <votesPerSecond> <seconds>}: open loop at a fixed rate, latency measured from the scheduled
 * send time (no coordinated omission). Prints accepted votes/s, p50/p99 of the vote POST alone and of the
 * whole flow (challenge + solve + vote; in rate mode counted from the scheduled send time).
 * Usage: {@code VotingLoad <baseUrl> <origin> <stands,comma,separated> max|rate ...}
 */
public final class VotingLoad {
    private VotingLoad() {}

    public static void main(String[] a) throws Exception {
        String base = a[0];
        if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        String[] stands = a[2].split(",");
        VoteClient client = new VoteClient(base, a[1]);
        String run = Long.toString(System.nanoTime(), 36);
        AtomicInteger seq = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] lat = new long[1_000_000];
        long[] full = new long[1_000_000];
        AtomicInteger latN = new AtomicInteger();
        boolean max = a[3].equals("max");
        int seconds = Integer.parseInt(a[5]);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(Math.min(seconds, 120));
        if (max) {
            int threads = Integer.parseInt(a[4]);
            long maxVotes = Math.min(Long.parseLong(a[6]), lat.length);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int i = seq.getAndIncrement();
                        if (i >= maxVotes) break;
                        one(client, run + "-" + i, stands[i % stands.length], 0, accepted, statuses, lat, full, latN);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        } else {
            double rate = Double.parseDouble(a[4]);
            long interval = (long) (1e9 / rate);
            ExecutorService pool = Executors.newFixedThreadPool(64);
            long next = start;
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                final long scheduled = next;
                int i = seq.getAndIncrement();
                pool.submit(() -> {
                    one(client, run + "-" + i, stands[i % stands.length], scheduled, accepted, statuses, lat, full, latN);
                    return null;
                });
                next += interval;
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        double took = (System.nanoTime() - start) / 1e9;
        int n = Math.min(latN.get(), lat.length);
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        long[] sortedFull = Arrays.copyOf(full, n);
        Arrays.sort(sortedFull);
        System.out.printf(Locale.ROOT, "mode=%s attempts=%d accepted=%d seconds=%.2f accepted_per_s=%.0f"
                + " vote_post_p50_ms=%.2f vote_post_p99_ms=%.2f flow_p50_ms=%.2f flow_p99_ms=%.2f flow_max_ms=%.2f statuses=%s%n",
                a[3], seq.get(), accepted.get(), took, accepted.get() / took, pct(sorted, 0.50), pct(sorted, 0.99),
                pct(sortedFull, 0.50), pct(sortedFull, 0.99), n == 0 ? 0 : sortedFull[n - 1] / 1e6, statuses);
    }

    private static void one(VoteClient client, String voter, String stand, long scheduled, AtomicLong accepted,
                            ConcurrentHashMap<Integer, AtomicInteger> statuses, long[] lat, long[] full, AtomicInteger latN) {
        long flowStart = scheduled == 0 ? System.nanoTime() : scheduled;
        try {
            VoteClient.Result r = client.voteRaw(voter, stand);
            statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
            if (r.status() == 201) accepted.incrementAndGet();
            long f = System.nanoTime() - flowStart;
            int k = latN.getAndIncrement();
            if (k < lat.length) {
                lat[k] = r.postNanos();
                full[k] = f;
            }
        } catch (Exception e) {
            statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
