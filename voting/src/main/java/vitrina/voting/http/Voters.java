package vitrina.voting.http;

import io.javalin.http.Context;
import java.util.Optional;
import vitrina.voting.config.VotingConfig;
import vitrina.voting.vote.Refusal;
import vitrina.voting.vote.VoterKey;

/**
 * Finds the voter behind a request: the signed HttpOnly cookie (issued with the first challenge), or, only in
 * benchmark mode, the {@code X-Bench-Voter} header. Also resolves the client address (the last
 * X-Forwarded-For hop when behind a trusted proxy) for hashing; the raw address is never stored.
 */
final class Voters {
    static final String COOKIE = "vitrina_voter";
    static final String BENCH_HEADER = "X-Bench-Voter";
    private final VoterKey keys;
    private final VotingConfig config;

    Voters(VoterKey keys, VotingConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** The voter id for issuing a challenge; a missing or forged cookie is replaced by a fresh one. */
    String forChallenge(Context ctx) {
        Optional<String> bench = bench(ctx);
        if (bench.isPresent()) return bench.get();
        Optional<String> id = keys.verifyCookie(ctx.cookie(COOKIE));
        return id.orElseGet(() -> issue(ctx));
    }

    /** The voter id for casting; refuses when the cookie is missing or not ours. */
    String forVote(Context ctx) {
        Optional<String> bench = bench(ctx);
        if (bench.isPresent()) return bench.get();
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) throw new ApiError(Refusal.VOTER_COOKIE_MISSING);
        Optional<String> id = keys.verifyCookie(cookie);
        if (id.isEmpty()) {
            issue(ctx);
            throw new ApiError(Refusal.VOTER_COOKIE_FORGED);
        }
        return id.get();
    }

    String hash(String voterId) { return keys.voterHash(voterId); }

    /** Keyed hash of the client address under today's salt. */
    String ipHash(Context ctx, java.time.Instant now) {
        String ip = clientIp(ctx);
        return keys.ipHash(ip == null ? "unknown" : ip, now.atZone(vitrina.voting.vote.Vote.MOSCOW).toLocalDate());
    }

    String clientIp(Context ctx) {
        if (config.trustProxy()) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String[] hops = xff.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    private Optional<String> bench(Context ctx) {
        if (!config.benchmark()) return Optional.empty();
        String v = ctx.header(BENCH_HEADER);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of("bench:" + v);
    }

    private String issue(Context ctx) {
        String value = keys.newCookie();
        String attrs = "; Path=/; Max-Age=31536000; HttpOnly; SameSite=" + config.cookieSameSite()
                + (config.cookieSecure() ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + attrs);
        return keys.verifyCookie(value).orElseThrow();
    }
}
