package vitrina.voting.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vitrina.voting.config.StandsSource;
import vitrina.voting.config.VotingConfig;
import vitrina.voting.store.StoreUnavailable;
import vitrina.voting.store.VoteStore;
import vitrina.voting.vote.AnomalyDetector;
import vitrina.voting.vote.BallotRules;
import vitrina.voting.vote.ProofOfWork;
import vitrina.voting.vote.RateLimiter;
import vitrina.voting.vote.Refused;
import vitrina.voting.vote.Refusal;
import vitrina.voting.vote.VoterKey;

/**
 * The HTTP face of the service (Javalin). {@link #routes} lists every route; every refusal leaves as
 * {@code {"error":{"code","message"}}} via {@link ApiError}.
 */
public final class VotingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VotingServer.class);
    private final VotingConfig config;
    private final VoteStore store;
    private final StandsSource stands;
    private final Clock clock;
    private final Cors cors;
    private final VoteHandler votes;
    private final TallyHandler tallies;
    private final ViewsHandler views;
    private final AdminHandler admin;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "voting-timers");
        t.setDaemon(true);
        return t;
    });
    private Javalin app;

    public VotingServer(VotingConfig config, VoteStore store, StandsSource stands, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.stands = Objects.requireNonNull(stands, "stands");
        this.clock = Objects.requireNonNull(clock, "clock");
        BallotRules rules = new BallotRules(config.period(), stands::current, config.perDay());
        VoterKey keys = new VoterKey(config.secret());
        this.cors = new Cors(config.origins());
        this.votes = new VoteHandler(rules, new ProofOfWork(config.secret(), config.powBits(), config.powTtl()),
                new RateLimiter(config.globalVotesPerSecond(), Math.max(1, config.globalVotesPerSecond()),
                        config.ipVotesPerMinute(), Math.max(1, config.ipVotesPerMinute())),
                new AnomalyDetector(config.ipSoftCapPerDay(), config.standBurstPerMinute()),
                new Voters(keys, config), store, clock, config.maxBodyBytes());
        this.tallies = new TallyHandler(store, rules, 1000);
        this.views = new ViewsHandler(store, rules, clock, config.maxBodyBytes());
        this.admin = new AdminHandler(config.adminToken(), store, stands, config.period(), clock);
    }

    /** Every route of the service, in one place. */
    private void routes(Javalin r) {
        r.before(cors::before);
        r.before("/api/v1/admin/*", admin::authorize);
        r.options("/*", ctx -> ctx.status(204));
        r.get("/healthz", this::health);
        r.get("/api/v1/challenge", votes::challenge);
        r.post("/api/v1/votes", votes::cast);
        r.get("/api/v1/counts", tallies::all);
        r.get("/api/v1/counts/{stand}", tallies::one);
        r.post("/api/v1/views", views::beacon);
        r.get("/api/v1/admin/export/counts.json", admin::countsJson);
        r.get("/api/v1/admin/export/counts.csv", admin::countsCsv);
        r.get("/api/v1/admin/export/ballots.json", admin::ballotsJson);
        r.get("/api/v1/admin/export/ballots.csv", admin::ballotsCsv);
        r.get("/api/v1/admin/export/chain.csv", admin::chainCsv);
        r.post("/api/v1/admin/stands/reload", admin::reloadStands);
    }

    private void errors(Javalin r) {
        r.exception(ApiError.class, (e, ctx) -> ApiError.respond(ctx, e.refusal()));
        r.exception(Refused.class, (e, ctx) -> ApiError.respond(ctx, e.refusal()));
        r.exception(StoreUnavailable.class, (e, ctx) -> {
            LOG.warn("store unavailable: {}", e.getMessage());
            ApiError.respond(ctx, Refusal.STORE_UNAVAILABLE);
        });
        r.exception(HttpResponseException.class, (e, ctx) -> ApiError.respond(ctx, ApiError.forStatus(e.getStatus())));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            ApiError.respond(ctx, Refusal.INTERNAL);
        });
        r.error(404, ctx -> {
            if (ctx.result() == null) ApiError.respond(ctx, Refusal.NOT_FOUND);
        });
    }

    private void health(io.javalin.http.Context ctx) {
        store.ping();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("stands", stands.current().size());
        body.put("votingOpen", config.period().isOpen(clock.instant()));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, body);
    }

    /** Binds the configured host and port (0 picks a free port) and starts the background timers. */
    public VotingServer start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.defaultContentType = "application/json; charset=utf-8";
        });
        errors(app);
        routes(app);
        app.start(config.host(), config.port());
        long flush = 5;
        timers.scheduleWithFixedDelay(this::flushViews, flush, flush, TimeUnit.SECONDS);
        Duration reload = config.standsReload();
        if (!reload.isZero()) {
            timers.scheduleWithFixedDelay(this::reloadStands, reload.toSeconds(), reload.toSeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    public int port() { return app.port(); }

    /** Re-reads the published stands (also on SIGHUP and on the admin route); keeps the old list on failure. */
    public void reloadStands() {
        try {
            stands.reload();
        } catch (RuntimeException e) {
            LOG.warn("stands list not reloaded, keeping {} stands: {}", stands.current().size(), e.getMessage());
        }
    }

    private void flushViews() {
        try {
            views.flush();
        } catch (RuntimeException e) {
            LOG.warn("page views not flushed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        if (app != null) app.stop();
        flushViews();
    }
}
