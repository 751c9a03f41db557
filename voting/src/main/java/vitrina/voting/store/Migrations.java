package vitrina.voting.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and upgrades the schema from {@code db/<dialect>/V<n>__<what>.sql} on the classpath, in order,
 * each in its own transaction, recording applied versions in {@code schema_version}. On PostgreSQL an
 * advisory lock makes concurrent instances migrate one after another.
 */
public final class Migrations {
    /** Every migration, in order. A test checks each file exists for both dialects. */
    static final List<String> FILES = List.of("V1__votes.sql", "V2__page_views.sql");

    private Migrations() {}

    /** Applies missing migrations; returns the schema version afterwards. */
    public static int apply(Connection c, String dialect) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            if (dialect.equals("postgres")) st.execute("SELECT pg_advisory_xact_lock(727001)");
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            int current = 0;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                if (rs.next()) current = rs.getInt(1);
            }
            for (String file : FILES) {
                int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
                if (version <= current) continue;
                for (String sql : statements(read("db/" + dialect + "/" + file))) st.execute(sql);
                st.execute("INSERT INTO schema_version (version, name) VALUES (" + version + ", '" + file + "')");
                current = version;
            }
            c.commit();
            return current;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing migration resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment-only lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) continue;
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = cur.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
