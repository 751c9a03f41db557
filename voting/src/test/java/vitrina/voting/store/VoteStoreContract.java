package vitrina.voting.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vitrina.voting.store.VoteStore.Outcome;
import vitrina.voting.vote.Vote;

/** One suite, every backend (jsoup's ConnectTest habit): SQLite in SqliteVoteStoreTest, PostgreSQL in PostgresVoteStoreIT. */
abstract class VoteStoreContract {
    static final Instant T = Instant.parse("2026-05-03T07:15:30Z"); // 10:15 in Moscow
    VoteStore store;

    /** A fresh, empty store. */
    abstract VoteStore newStore();

    /** The same database opened again (after close). */
    abstract VoteStore reopen();

    @BeforeEach void open() { store = newStore(); }

    @AfterEach void closeStore() { if (store != null) store.close(); }

    static Vote vote(String stand, String voter) { return vote(stand, voter, T, null); }

    static Vote vote(String stand, String voter, Instant at, String reason) {
        return new Vote(UUID.randomUUID().toString(), stand, "innovation", "contest", voter, "ip1",
                UUID.randomUUID().toString(), at, reason == null ? Vote.Status.COUNTED : Vote.Status.FLAGGED, reason);
    }

    @Test void acceptsAVoteAndCountsIt() {
        assertEquals(Outcome.ACCEPTED, store.cast(vote("s1", "v1")).join());
        assertEquals(List.of(new VoteStore.Tally("s1", "innovation", 1, 0)), store.tallies());
    }

    @Test void secondVoteFromSameVoterForSameStandIsRejected() {
        assertEquals(Outcome.ACCEPTED, store.cast(vote("s1", "v1")).join());
        assertEquals(Outcome.ALREADY_VOTED, store.cast(vote("s1", "v1")).join());
        assertEquals(Outcome.ACCEPTED, store.cast(vote("s2", "v1")).join());
    }

    @Test void reusedChallengeNonceIsRejected() {
        Vote a = vote("s1", "v1");
        store.cast(a).join();
        Vote b = new Vote(UUID.randomUUID().toString(), "s1", "innovation", "contest", "v2", "ip1", a.powNonce(), T,
                Vote.Status.COUNTED, null);
        assertEquals(Outcome.CHALLENGE_REUSED, store.cast(b).join());
    }

    @Test void duplicatesInsideOneGroupCommitAreResolved() {
        List<CompletableFuture<Outcome>> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) fs.add(store.cast(vote("s1", "v" + (i % 100))));
        long accepted = fs.stream().map(CompletableFuture::join).filter(o -> o == Outcome.ACCEPTED).count();
        assertEquals(100, accepted);
        assertEquals(100, store.tallies().get(0).counted());
    }

    @Test void flaggedVotesAreCountedSeparately() {
        store.cast(vote("s1", "v1")).join();
        store.cast(vote("s1", "v2", T, "ip.soft_cap")).join();
        assertEquals(List.of(new VoteStore.Tally("s1", "innovation", 1, 1)), store.tallies());
    }

    @Test void ballotLogIsOrderedByDayAndMinuteWithoutPersonalData() {
        store.cast(vote("s1", "v1", T.plusSeconds(86_400), null)).join();
        store.cast(vote("s2", "v2", T, "stand.burst")).join();
        List<VoteStore.LoggedBallot> log = new ArrayList<>();
        store.forEachBallot(log::add);
        assertEquals(2, log.size());
        assertEquals(LocalDate.of(2026, 5, 3), log.get(0).day());
        assertEquals("2026-05-03T10:15", log.get(0).minute());
        assertEquals("stand.burst", log.get(0).reason());
        assertEquals(LocalDate.of(2026, 5, 4), log.get(1).day());
    }

    @Test void acknowledgedVoteSurvivesReopen() {
        Vote v = vote("s1", "v1");
        store.cast(v).join();
        store.close();
        store = reopen();
        List<String> ids = new ArrayList<>();
        store.forEachBallot(b -> ids.add(b.voteId()));
        assertEquals(List.of(v.id()), ids);
        assertEquals(Outcome.ALREADY_VOTED, store.cast(vote("s1", "v1")).join());
    }

    @Test void pageViewsAddUpAcrossFlushes() throws InterruptedException {
        store.addPageViews(LocalDate.of(2026, 5, 3), Map.of("s1", 2L, "s2", 1L));
        store.addPageViews(LocalDate.of(2026, 5, 3), Map.of("s1", 3L));
        store.addPageViews(LocalDate.of(2026, 5, 4), Map.of("s1", 1L));
        store.cast(vote("s9", "v9")).join(); // committed in order after the view jobs
        assertEquals(Map.of("s1", 6L, "s2", 1L), store.pageViews());
    }

    @Test void storeAnswersPing() {
        store.ping();
        assertTrue(store.tallies().isEmpty());
    }
}
