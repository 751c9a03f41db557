package vitrina.voting.vote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides whether a ballot may be cast and under which key it is unique: only inside the voting period,
 * only for published stands, a nomination the stand takes part in, and one vote per voter per stand and
 * nomination per contest (or per Moscow day when configured).
 */
public final class BallotRules {
    /** The period key when one vote per stand covers the whole contest. */
    public static final String WHOLE_CONTEST = "contest";

    private final VotingPeriod period;
    private final Supplier<PublishedStands> stands;
    private final boolean perDay;

    /** Where a ballot goes once admitted. */
    public record Admitted(String standId, String nomination, String periodKey) {}

    public BallotRules(VotingPeriod period, Supplier<PublishedStands> stands, boolean perDay) {
        this.period = Objects.requireNonNull(period, "period");
        this.stands = Objects.requireNonNull(stands, "stands");
        this.perDay = perDay;
    }

    public VotingPeriod period() { return period; }

    /** Checks period, stand and nomination; a missing nomination is fine when the stand has at most one. */
    public Admitted admit(String standId, String nomination, Instant now) {
        requirePublished(standId);
        period.requireOpen(now);
        List<String> noms = stands.get().findNominations(standId).orElseThrow();
        String chosen;
        if (nomination == null || nomination.isEmpty()) {
            if (noms.size() > 1) throw new Refused(Refusal.NOMINATION_REQUIRED);
            chosen = noms.isEmpty() ? "" : noms.get(0);
        } else if (noms.contains(nomination)) {
            chosen = nomination;
        } else {
            throw new Refused(Refusal.NOMINATION_UNKNOWN);
        }
        String key = perDay ? now.atZone(Vote.MOSCOW).toLocalDate().toString() : WHOLE_CONTEST;
        return new Admitted(standId, chosen, key);
    }

    /** Refuses with STAND_UNKNOWN unless the generator published this stand. */
    public void requirePublished(String standId) {
        if (standId == null || standId.length() > 200 || stands.get().findNominations(standId).isEmpty()) {
            throw new Refused(Refusal.STAND_UNKNOWN);
        }
    }
}
