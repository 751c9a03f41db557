package vitrina.voting.vote;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One admitted ballot as it is stored: a random id, the stand and nomination, the pseudonymous voter and
 * address hashes, the proof-of-work nonce it consumed, and whether it counts or is held for review.
 *
 * @param periodKey "contest" when one vote per stand per contest, or the Moscow date when one per day
 * @param reason    null for counted votes, a stable flag code (for example {@code ip.soft_cap}) otherwise
 */
public record Vote(String id, String standId, String nomination, String periodKey, String voterHash,
                   String ipHash, String powNonce, Instant castAt, Status status, String reason) {

    /** Contest dates and the ballot log are in Moscow time. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public enum Status {
        COUNTED, FLAGGED;

        public String dbName() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Status fromDb(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
    }

    public Vote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(standId, "standId");
        Objects.requireNonNull(nomination, "nomination");
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(voterHash, "voterHash");
        Objects.requireNonNull(ipHash, "ipHash");
        Objects.requireNonNull(powNonce, "powNonce");
        Objects.requireNonNull(castAt, "castAt");
        Objects.requireNonNull(status, "status");
        if ((status == Status.FLAGGED) != (reason != null)) {
            throw new IllegalArgumentException("flagged votes need a reason, counted votes none: " + status + "/" + reason);
        }
    }

    /** Moscow calendar day of the vote. */
    public LocalDate day() { return castAt.atZone(MOSCOW).toLocalDate(); }

    /** Moscow minute of the vote, {@code 2026-05-03T10:15}: the only time the ballot log publishes. */
    public String minute() { return castAt.atZone(MOSCOW).format(MINUTE); }
}
