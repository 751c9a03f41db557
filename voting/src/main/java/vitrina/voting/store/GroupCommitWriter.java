package vitrina.voting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vitrina.voting.store.VoteStore.Outcome;
import vitrina.voting.vote.Vote;

/**
 * The single writer thread. It takes every vote queued since the last commit, inserts them in one
 * transaction ({@code INSERT ... ON CONFLICT DO NOTHING}, the same SQL on SQLite and PostgreSQL), commits,
 * and only then completes each vote's future. One fsync covers the whole batch (group commit).
 */
final class GroupCommitWriter implements Runnable {
    static final int MAX_BATCH = 1000;
    private static final String INSERT = "INSERT INTO votes (vote_id, stand_id, nomination, period_key, voter_hash,"
            + " ip_hash, pow_nonce, cast_day, cast_minute, status, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT DO NOTHING";
    private static final String VOTER_EXISTS = "SELECT 1 FROM votes WHERE period_key = ? AND stand_id = ?"
            + " AND nomination = ? AND voter_hash = ?";

    /** Work for the writer: a vote awaiting commit, or a side job (page views) run in the same transaction. */
    interface Job {}

    record PendingVote(Vote vote, CompletableFuture<Outcome> done) implements Job {}

    interface SideJob extends Job {
        void run(Connection c) throws SQLException;
    }

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(100_000);
    private final ConnectionSource connections;
    private final Thread thread;
    private volatile boolean running = true;
    private Connection conn;

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    GroupCommitWriter(String name, ConnectionSource connections) {
        this.connections = connections;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() { thread.start(); }

    CompletableFuture<Outcome> submit(Vote vote) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (!running || !queue.offer(new PendingVote(vote, done))) {
            done.completeExceptionally(new StoreUnavailable("write queue closed or full", null));
        }
        return done;
    }

    void submit(SideJob job) {
        if (running) queue.offer(job);
    }

    @Override
    public void run() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    private void write(List<Job> batch) {
        List<PendingVote> votes = new ArrayList<>(batch.size());
        for (Job j : batch) if (j instanceof PendingVote p) votes.add(p);
        Outcome[] outcomes = new Outcome[votes.size()];
        try {
            if (conn == null) conn = connections.open();
            conn.setAutoCommit(false);
            try (PreparedStatement ins = conn.prepareStatement(INSERT)) {
                for (PendingVote p : votes) {
                    bind(ins, p.vote());
                    ins.addBatch();
                }
                int[] counts = votes.isEmpty() ? new int[0] : ins.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    outcomes[i] = counts[i] == 0 ? classifyConflict(votes.get(i).vote()) : Outcome.ACCEPTED;
                }
            }
            for (Job j : batch) if (j instanceof SideJob s) s.run(conn);
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            StoreUnavailable failure = new StoreUnavailable("batch of " + votes.size() + " votes not committed", e);
            for (PendingVote p : votes) p.done().completeExceptionally(failure);
            closeConnection();
            return;
        }
        for (int i = 0; i < outcomes.length; i++) votes.get(i).done().complete(outcomes[i]);
    }

    private Outcome classifyConflict(Vote v) throws SQLException {
        try (PreparedStatement q = conn.prepareStatement(VOTER_EXISTS)) {
            q.setString(1, v.periodKey());
            q.setString(2, v.standId());
            q.setString(3, v.nomination());
            q.setString(4, v.voterHash());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Outcome.ALREADY_VOTED : Outcome.CHALLENGE_REUSED;
            }
        }
    }

    private static void bind(PreparedStatement ins, Vote v) throws SQLException {
        ins.setString(1, v.id());
        ins.setString(2, v.standId());
        ins.setString(3, v.nomination());
        ins.setString(4, v.periodKey());
        ins.setString(5, v.voterHash());
        ins.setString(6, v.ipHash());
        ins.setString(7, v.powNonce());
        ins.setString(8, v.day().toString());
        ins.setString(9, v.minute());
        ins.setString(10, v.status().dbName());
        ins.setString(11, v.reason());
    }

    private void closeConnection() {
        if (conn == null) return;
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing left to do
        }
        conn = null;
    }

    /** Stops accepting work, lets the thread commit what is queued, and waits for it. */
    void stop() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
