package vitrina.voting.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import vitrina.voting.vote.VotingPeriod;

/**
 * Every setting of the service in one immutable record. Built by {@link ConfigReader} from flags
 * ({@code --db ...}) and environment variables ({@code VITRINA_VOTING_DB}); flags win.
 *
 * @param db             {@code sqlite:<file>} (default {@code sqlite:votes.db}) or {@code postgresql://...}
 * @param dbSchema       PostgreSQL schema (default {@code public})
 * @param stands         path or http(s) URL of the generator's {@code data/stands.json}
 * @param origins        site origins allowed by CORS, e.g. {@code https://expo.example.org}
 * @param adminToken     bearer token for /api/v1/admin/*; empty disables admin routes
 * @param secret         key for cookies, challenges and address hashes (shared by all instances)
 * @param cookieSameSite {@code Lax} when site and service are same-site, {@code None} (needs https) otherwise
 * @param benchmark      benchmark-only mode: accepts {@code X-Bench-Voter}; never use in production
 */
public record VotingConfig(
        String host, int port, String db, String dbSchema, String stands, Duration standsReload,
        VotingPeriod period, boolean perDay, List<String> origins, String adminToken, byte[] secret,
        int powBits, Duration powTtl, double globalVotesPerSecond, double ipVotesPerMinute,
        int ipSoftCapPerDay, int standBurstPerMinute, int maxBodyBytes, boolean trustProxy,
        String cookieSameSite, boolean cookieSecure, boolean benchmark) {

    public VotingConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(stands, "stands");
        Objects.requireNonNull(standsReload, "standsReload");
        Objects.requireNonNull(period, "period");
        origins = List.copyOf(origins);
        Objects.requireNonNull(adminToken, "adminToken");
        secret = Objects.requireNonNull(secret, "secret").clone();
        Objects.requireNonNull(powTtl, "powTtl");
        Objects.requireNonNull(cookieSameSite, "cookieSameSite");
    }

    /** True for PostgreSQL URLs, false for the embedded SQLite file. */
    public boolean usesPostgres() {
        return db.startsWith("postgres") || db.startsWith("jdbc:postgresql:");
    }

    /** The SQLite file from {@code sqlite:<file>} (or a bare path). */
    public Path sqliteFile() {
        return Path.of(db.startsWith("sqlite:") ? db.substring("sqlite:".length()) : db);
    }

    @Override
    public byte[] secret() { return secret.clone(); }

    @Override
    public String toString() {
        return "VotingConfig[host=" + host + ", port=" + port + ", db=" + db.replaceAll(":[^:@/]*@", ":***@")
                + ", stands=" + stands + ", period=" + period + ", origins=" + origins + ", powBits=" + powBits
                + ", benchmark=" + benchmark + "]";
    }
}
