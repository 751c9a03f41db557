package vitrina.voting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import vitrina.voting.vote.Vote;

/**
 * The SQL both databases share: one group-commit writer thread and one reader connection. Subclasses only
 * pass how to open a connection (pragmas, schema) and which migration dialect to use.
 */
abstract class JdbcVoteStore implements VoteStore {
    private static final String UPSERT_VIEWS = "INSERT INTO page_views (day, stand_id, views) VALUES (?,?,?)"
            + " ON CONFLICT (day, stand_id) DO UPDATE SET views = page_views.views + excluded.views";
    private final GroupCommitWriter writer;
    private final Object readLock = new Object();
    private final GroupCommitWriter.ConnectionSource connections;
    private Connection reader;

    JdbcVoteStore(String dialect, GroupCommitWriter.ConnectionSource connections) {
        this.connections = connections;
        try (Connection c = connections.open()) {
            Migrations.apply(c, dialect);
        } catch (SQLException e) {
            throw new StoreUnavailable("cannot open or migrate the " + dialect + " database: " + e.getMessage(), e);
        }
        this.writer = new GroupCommitWriter("vote-writer-" + dialect, connections);
        this.writer.start();
    }

    @Override
    public CompletableFuture<Outcome> cast(Vote vote) {
        return writer.submit(vote);
    }

    @Override
    public List<Tally> tallies() {
        String sql = "SELECT stand_id, nomination,"
                + " SUM(CASE WHEN status = 'counted' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'flagged' THEN 1 ELSE 0 END)"
                + " FROM votes GROUP BY stand_id, nomination ORDER BY stand_id, nomination";
        return read(c -> {
            List<Tally> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) out.add(new Tally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
            return out;
        });
    }

    @Override
    public void forEachBallot(Consumer<LoggedBallot> sink) {
        String sql = "SELECT vote_id, cast_day, cast_minute, stand_id, nomination, status, reason FROM votes"
                + " ORDER BY cast_day, cast_minute, vote_id";
        read(c -> {
            try (Statement st = c.createStatement()) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        sink.accept(new LoggedBallot(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), Vote.Status.fromDb(rs.getString(6)), rs.getString(7)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void addPageViews(LocalDate day, Map<String, Long> viewsByStand) {
        if (viewsByStand.isEmpty()) return;
        Map<String, Long> copy = new TreeMap<>(viewsByStand);
        writer.submit((GroupCommitWriter.SideJob) c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_VIEWS)) {
                for (Map.Entry<String, Long> e : copy.entrySet()) {
                    ps.setString(1, day.toString());
                    ps.setString(2, e.getKey());
                    ps.setLong(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public Map<String, Long> pageViews() {
        return read(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT stand_id, SUM(views) FROM page_views GROUP BY stand_id")) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    @Override
    public void ping() {
        read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
            return null;
        });
    }

    @Override
    public void close() {
        writer.stop();
        synchronized (readLock) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (SQLException ignored) {
                    // closing
                }
                reader = null;
            }
        }
    }

    interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(ReadWork<T> work) {
        synchronized (readLock) {
            try {
                if (reader == null || !reader.isValid(2)) reader = connections.open();
                return work.run(reader);
            } catch (SQLException e) {
                try {
                    if (reader != null) reader.close();
                } catch (SQLException ignored) {
                    // reconnect next time
                }
                reader = null;
                throw new StoreUnavailable("read failed: " + e.getMessage(), e);
            }
        }
    }
}
