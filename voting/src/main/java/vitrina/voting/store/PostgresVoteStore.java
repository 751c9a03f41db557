package vitrina.voting.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * PostgreSQL, shared by several instances behind a load balancer. Each instance runs one group-commit writer;
 * unique constraints make concurrent instances agree on "one vote per voter". Commits use the server's
 * {@code synchronous_commit} (on by default), so an acknowledged vote is on disk.
 */
public final class PostgresVoteStore extends JdbcVoteStore {
    private final String jdbcUrl;
    private final String schema;

    private PostgresVoteStore(String jdbcUrl, String schema) {
        super("postgres", () -> connect(jdbcUrl, schema));
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
    }

    /**
     * Connects to {@code postgresql://user[:password]@host[:port]/db} or a {@code jdbc:postgresql:} URL and
     * uses {@code schema} (created when missing; "public" by default).
     */
    public static PostgresVoteStore open(String url, String schema) {
        Objects.requireNonNull(url, "url");
        String s = schema == null || schema.isBlank() ? "public" : schema;
        if (!s.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("bad schema name: " + s);
        return new PostgresVoteStore(toJdbc(url), s);
    }

    /** Turns the libpq-style URL into a JDBC one; JDBC URLs pass through. */
    static String toJdbc(String url) {
        if (url.startsWith("jdbc:")) return url;
        URI u = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        StringBuilder j = new StringBuilder("jdbc:postgresql://").append(u.getHost() == null ? "127.0.0.1" : u.getHost());
        if (u.getPort() > 0) j.append(':').append(u.getPort());
        j.append(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/postgres" : u.getRawPath());
        String sep = "?";
        if (u.getRawQuery() != null) {
            j.append('?').append(u.getRawQuery());
            sep = "&";
        }
        if (u.getRawUserInfo() != null) {
            String[] ui = u.getRawUserInfo().split(":", 2);
            j.append(sep).append("user=").append(ui[0]);
            sep = "&";
            if (ui.length == 2) j.append("&password=").append(ui[1]);
        }
        return j.toString();
    }

    public String schema() { return schema; }

    public String jdbcUrl() { return jdbcUrl; }

    static Connection connect(String jdbcUrl, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            st.execute("SET search_path TO " + schema);
            st.execute("SET synchronous_commit TO on");
        }
        return c;
    }
}
