package vitrina.voting.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVoteStoreTest extends VoteStoreContract {
    @TempDir Path dir;

    @Override VoteStore newStore() { return SqliteVoteStore.open(dir.resolve("votes.db")); }

    @Override VoteStore reopen() { return SqliteVoteStore.open(dir.resolve("votes.db")); }

    @Test void databaseIsInWalModeWithFullSync() throws Exception {
        try (Connection c = SqliteVoteStore.connect(dir.resolve("votes.db")); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "2 = FULL");
            }
        }
    }

    @Test void migrationsAreRecordedOnceAndEveryFileExistsForBothDialects() throws Exception {
        store.close();
        store = reopen();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("votes.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(Migrations.FILES.size(), rs.getInt(1));
            assertEquals(Migrations.FILES.size(), rs.getInt(2));
        }
        for (String f : Migrations.FILES) {
            Migrations.read("db/sqlite/" + f);
            Migrations.read("db/postgres/" + f);
        }
    }
}
