package vitrina.voting.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import vitrina.voting.vote.Vote;

/**
 * Durable vote storage. {@link #cast} completes only after the vote's transaction committed, so an
 * acknowledged vote survives a crash. Implementations: {@link SqliteVoteStore}, {@link PostgresVoteStore}.
 */
public interface VoteStore extends AutoCloseable {

    /** What happened to a vote handed to {@link #cast}. */
    enum Outcome { ACCEPTED, ALREADY_VOTED, CHALLENGE_REUSED }

    /** Counted and flagged votes of one stand in one nomination. */
    record Tally(String standId, String nomination, long counted, long flagged) {}

    /** One line of the anonymized ballot log. */
    record LoggedBallot(String voteId, LocalDate day, String minute, String standId, String nomination,
                        Vote.Status status, String reason) {}

    /** Queues the vote for the next group commit; the future completes after commit. */
    CompletableFuture<Outcome> cast(Vote vote);

    /** All tallies, sorted by stand id and nomination. */
    List<Tally> tallies();

    /** Streams the ballot log ordered by day, minute and vote id. */
    void forEachBallot(Consumer<LoggedBallot> sink);

    /** Adds beacon page views of one Moscow day; fire-and-forget, committed with the next batch. */
    void addPageViews(LocalDate day, Map<String, Long> viewsByStand);

    /** Total page views per stand, sorted by stand id. */
    Map<String, Long> pageViews();

    /** Throws when the database cannot be reached. */
    void ping();

    /** Drains queued work, commits it and closes connections. */
    @Override
    void close();
}
