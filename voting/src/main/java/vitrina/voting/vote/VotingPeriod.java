package vitrina.voting.vote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The voting period from site.yaml: both dates inclusive, in Moscow time. */
public record VotingPeriod(LocalDate from, LocalDate to) {
    public VotingPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("voting period ends before it starts: " + from + ".." + to);
    }

    /** Refuses with VOTING_NOT_STARTED or VOTING_CLOSED outside the period. */
    public void requireOpen(Instant now) {
        LocalDate today = now.atZone(Vote.MOSCOW).toLocalDate();
        if (today.isBefore(from)) throw new Refused(Refusal.VOTING_NOT_STARTED);
        if (today.isAfter(to)) throw new Refused(Refusal.VOTING_CLOSED);
    }

    public boolean isOpen(Instant now) {
        LocalDate today = now.atZone(Vote.MOSCOW).toLocalDate();
        return !today.isBefore(from) && !today.isAfter(to);
    }
}
