package vitrina.voting.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Embedded SQLite file in WAL mode with {@code synchronous=FULL}: every commit fsyncs the WAL, so an
 * acknowledged vote survives kill -9 and power loss. (WAL with NORMAL survives a process kill but may lose
 * the last commits on power loss; group commit makes FULL affordable, so FULL it is.) Automatic
 * checkpoints are off on our connections; a background thread runs a PASSIVE checkpoint every second so
 * that copying the WAL into the database never stalls the commit path.
 */
public final class SqliteVoteStore extends JdbcVoteStore {
    private final Path file;
    private final ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private Connection checkpointConnection;

    private SqliteVoteStore(Path file) {
        super("sqlite", () -> connect(file));
        this.file = file;
        checkpointer.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens (creating and migrating when needed) the database file. */
    public static SqliteVoteStore open(Path file) {
        return new SqliteVoteStore(Objects.requireNonNull(file, "file").toAbsolutePath());
    }

    public Path file() { return file; }

    static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("PRAGMA wal_autocheckpoint=0");
        }
        return c;
    }

    private void checkpoint() {
        try {
            if (checkpointConnection == null) checkpointConnection = connect(file);
            try (Statement st = checkpointConnection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException e) {
            closeCheckpointConnection(); // retried on the next tick
        }
    }

    private void closeCheckpointConnection() {
        if (checkpointConnection == null) return;
        try {
            checkpointConnection.close();
        } catch (SQLException ignored) {
            // reopened next time
        }
        checkpointConnection = null;
    }

    @Override
    public void close() {
        super.close();
        checkpointer.shutdown();
        try {
            checkpointer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        closeCheckpointConnection();
    }
}
