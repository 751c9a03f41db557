package vitrina.voting.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Embedded SQLite file in WAL mode with {@code synchronous=FULL}: every commit fsyncs the WAL, so an
 * acknowledged vote survives kill -9 and power loss. (WAL with NORMAL survives a process kill but may lose
 * the last commits on power loss; group commit makes FULL affordable, so FULL it is.)
 */
public final class SqliteVoteStore extends JdbcVoteStore {
    private final Path file;

    private SqliteVoteStore(Path file) {
        super("sqlite", () -> connect(file));
        this.file = file;
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
        }
        return c;
    }
}
