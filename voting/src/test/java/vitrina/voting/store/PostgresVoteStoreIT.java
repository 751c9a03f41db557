package vitrina.voting.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same contract against a real PostgreSQL over a real connection, in a schema unique to this run.
 * Unreachable PostgreSQL is a failure with instructions, never a silent skip.
 */
class PostgresVoteStoreIT extends VoteStoreContract {
    static final String URL = System.getProperty("vitrina.voting.pg",
            System.getenv().getOrDefault("VITRINA_VOTING_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"));
    static final String RUN = "vt_" + Long.toString(System.nanoTime(), 36);
    static int schemas;
    String schema;

    @BeforeAll static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PostgresVoteStore.toJdbc(URL))) {
            c.isValid(2);
        } catch (SQLException e) {
            fail("PostgreSQL недоступен по " + URL + " (" + e.getMessage() + "). Запустите его: "
                    + "`pg_ctlcluster 15 main start` или `.ci/run` (он поднимает PostgreSQL), "
                    + "либо укажите другой адрес в -Dvitrina.voting.pg=postgresql://user@host:5432/db.");
        }
    }

    @AfterAll static void dropSchemas() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresVoteStore.toJdbc(URL)); Statement st = c.createStatement()) {
            for (int i = 1; i <= schemas; i++) st.execute("DROP SCHEMA IF EXISTS " + RUN + "_" + i + " CASCADE");
        }
    }

    @Override VoteStore newStore() {
        schema = RUN + "_" + (++schemas);
        return PostgresVoteStore.open(URL, schema);
    }

    @Override VoteStore reopen() { return PostgresVoteStore.open(URL, schema); }

    @Test void twoInstancesSharingOneDatabaseAgreeOnOneVotePerVoter() {
        try (VoteStore second = reopen()) {
            List<CompletableFuture<VoteStore.Outcome>> fs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                fs.add(store.cast(vote("s1", "v" + i)));
                fs.add(second.cast(vote("s1", "v" + i)));
            }
            long accepted = fs.stream().map(CompletableFuture::join).filter(o -> o == VoteStore.Outcome.ACCEPTED).count();
            assertEquals(100, accepted);
        }
    }

    @Test void libpqStyleUrlBecomesJdbc() {
        assertEquals("jdbc:postgresql://db.local:5433/votes?sslmode=require&user=app&password=pw",
                PostgresVoteStore.toJdbc("postgresql://app:pw@db.local:5433/votes?sslmode=require"));
    }
}
