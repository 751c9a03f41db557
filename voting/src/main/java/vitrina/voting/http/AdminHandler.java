package vitrina.voting.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vitrina.voting.config.ConfigException;
import vitrina.voting.config.StandsSource;
import vitrina.voting.export.BallotLog;
import vitrina.voting.export.BallotLogWriter;
import vitrina.voting.export.TallyExport;
import vitrina.voting.store.VoteStore;
import vitrina.voting.vote.Refusal;
import vitrina.voting.vote.Vote;
import vitrina.voting.vote.VotingPeriod;

/** Organizer routes behind {@code Authorization: Bearer <admin token>}: exports and stands reload. */
final class AdminHandler {
    private final byte[] token;
    private final VoteStore store;
    private final StandsSource stands;
    private final VotingPeriod period;
    private final Clock clock;

    AdminHandler(String token, VoteStore store, StandsSource stands, VotingPeriod period, Clock clock) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.store = store;
        this.stands = stands;
        this.period = period;
        this.clock = clock;
    }

    /** Before every admin route: constant-time token check; an empty configured token disables admin. */
    void authorize(Context ctx) {
        String h = ctx.header("Authorization");
        byte[] given = h != null && h.startsWith("Bearer ") ? h.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (token.length == 0 || !MessageDigest.isEqual(token, given)) throw new ApiError(Refusal.UNAUTHORIZED);
        ctx.header("Cache-Control", "no-store");
    }

    void countsJson(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tallyExport().writeJson(out);
        ctx.contentType("application/json; charset=utf-8").result(out.toByteArray());
    }

    void countsCsv(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tallyExport().writeCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
    }

    void ballotsJson(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BallotLogWriter.writeJson(chain(), out);
        ctx.contentType("application/json; charset=utf-8").result(out.toByteArray());
    }

    void ballotsCsv(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BallotLogWriter.writeBallotsCsv(chain(), new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
    }

    void chainCsv(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BallotLogWriter.writeChainCsv(chain(), new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
    }

    void reloadStands(Context ctx) {
        try {
            Json.write(ctx, 200, Map.of("stands", stands.reload().size()));
        } catch (ConfigException e) {
            Json.write(ctx, 502, Map.of("error", Map.of("code", "STANDS_RELOAD_FAILED", "message", e.getMessage())));
        }
    }

    private TallyExport tallyExport() {
        return new TallyExport(store.tallies(), store.pageViews(), period, clock.instant());
    }

    private List<BallotLog.Day> chain() {
        LocalDate today = clock.instant().atZone(Vote.MOSCOW).toLocalDate();
        return BallotLog.chain(store::forEachBallot, today);
    }
}
