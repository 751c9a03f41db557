package vitrina.voting.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import vitrina.voting.store.StoreUnavailable;
import vitrina.voting.store.VoteStore;
import vitrina.voting.vote.AnomalyDetector;
import vitrina.voting.vote.BallotRules;
import vitrina.voting.vote.ProofOfWork;
import vitrina.voting.vote.RateLimiter;
import vitrina.voting.vote.Refusal;
import vitrina.voting.vote.ReplayGuard;
import vitrina.voting.vote.Vote;

/** Issues proof-of-work challenges and casts votes: rules, then work, then limits, then the durable store. */
final class VoteHandler {
    private final BallotRules rules;
    private final ProofOfWork pow;
    private final ReplayGuard replays = new ReplayGuard();
    private final RateLimiter limiter;
    private final AnomalyDetector anomalies;
    private final Voters voters;
    private final VoteStore store;
    private final Clock clock;
    private final int maxBody;

    VoteHandler(BallotRules rules, ProofOfWork pow, RateLimiter limiter, AnomalyDetector anomalies, Voters voters,
                VoteStore store, Clock clock, int maxBody) {
        this.rules = rules;
        this.pow = pow;
        this.limiter = limiter;
        this.anomalies = anomalies;
        this.voters = voters;
        this.store = store;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    /** GET /api/v1/challenge?stand=ID → {"challenge","difficulty","expires"}; sets the voter cookie if needed. */
    void challenge(Context ctx) {
        String stand = ctx.queryParam("stand");
        Instant now = clock.instant();
        rules.requirePublished(stand);
        rules.period().requireOpen(now);
        String voter = voters.forChallenge(ctx);
        ProofOfWork.Challenge c = pow.issue(stand, voters.hash(voter), now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", c.token());
        body.put("difficulty", c.difficulty());
        body.put("expires", c.expires().toString());
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, body);
    }

    /** POST /api/v1/votes {"stand","nomination"?,"challenge","solution"} → 201 after commit. */
    void cast(Context ctx) {
        ObjectNode body = Json.readObject(ctx, maxBody);
        String stand = Json.text(body, "stand");
        String nomination = Json.text(body, "nomination");
        String token = Json.text(body, "challenge");
        String solution = Json.text(body, "solution");
        if (stand == null) throw new ApiError(Refusal.BAD_REQUEST);
        Instant now = clock.instant();
        String voterHash = voters.hash(voters.forVote(ctx));
        BallotRules.Admitted admitted = rules.admit(stand, nomination, now);
        ProofOfWork.Solved solved = pow.verify(token, solution, stand, voterHash, now);
        if (!replays.firstUse(solved.nonce(), solved.expires(), now)) throw new ApiError(Refusal.POW_REPLAYED);
        String ipHash = voters.ipHash(ctx, now);
        if (!limiter.tryAcquire(ipHash, System.nanoTime())) throw new ApiError(Refusal.RATE_LIMITED);
        String reason = anomalies.inspect(ipHash, stand, now).orElse(null);
        Vote vote = new Vote(UUID.randomUUID().toString(), admitted.standId(), admitted.nomination(),
                admitted.periodKey(), voterHash, ipHash, solved.nonce(), now,
                reason == null ? Vote.Status.COUNTED : Vote.Status.FLAGGED, reason);
        ctx.future(() -> store.cast(vote).handle((outcome, failure) -> {
            respond(ctx, vote, outcome, failure);
            return null;
        }));
    }

    private static void respond(Context ctx, Vote vote, VoteStore.Outcome outcome, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ApiError.respond(ctx, cause instanceof StoreUnavailable ? Refusal.STORE_UNAVAILABLE : Refusal.INTERNAL);
            return;
        }
        switch (outcome) {
            case ACCEPTED -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", vote.id());
                v.put("stand", vote.standId());
                v.put("nomination", vote.nomination());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("vote", v);
                body.put("message", "Спасибо! Ваш голос учтён.");
                ctx.header("Cache-Control", "no-store");
                Json.write(ctx, 201, body);
            }
            case ALREADY_VOTED -> ApiError.respond(ctx, Refusal.ALREADY_VOTED);
            case CHALLENGE_REUSED -> ApiError.respond(ctx, Refusal.POW_REPLAYED);
        }
    }
}
