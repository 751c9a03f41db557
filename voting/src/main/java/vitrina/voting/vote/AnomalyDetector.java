package vitrina.voting.vote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flags votes for review instead of dropping them: many votes from one address in a day (a school is
 * fine, a server farm is not) and bursts of votes for one stand within a minute. Counters live in
 * memory per instance; flagged votes are still stored and exported with the reason code.
 */
public final class AnomalyDetector {
    /** Stable reason codes written to the ballot log. */
    public static final String IP_SOFT_CAP = "ip.soft_cap";
    public static final String STAND_BURST = "stand.burst";

    private final int ipPerDay;
    private final int standPerMinute;
    private final Map<String, AtomicInteger> byIp = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byStandMinute = new ConcurrentHashMap<>();
    private volatile LocalDate day = LocalDate.MIN;
    private volatile long minute = Long.MIN_VALUE;

    public AnomalyDetector(int ipPerDay, int standPerMinute) {
        this.ipPerDay = ipPerDay;
        this.standPerMinute = standPerMinute;
    }

    /** Counts the vote and returns the reason it should be held for review, if any. */
    public Optional<String> inspect(String ipHash, String standId, Instant now) {
        LocalDate today = now.atZone(Vote.MOSCOW).toLocalDate();
        if (!today.equals(day)) { byIp.clear(); day = today; }
        long thisMinute = now.getEpochSecond() / 60;
        if (thisMinute != minute) { byStandMinute.clear(); minute = thisMinute; }
        int ipCount = byIp.computeIfAbsent(ipHash, k -> new AtomicInteger()).incrementAndGet();
        int standCount = byStandMinute.computeIfAbsent(standId, k -> new AtomicInteger()).incrementAndGet();
        if (ipCount > ipPerDay) return Optional.of(IP_SOFT_CAP);
        if (standCount > standPerMinute) return Optional.of(STAND_BURST);
        return Optional.empty();
    }
}
