package vitrina.voting.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import vitrina.voting.store.VoteStore;
import vitrina.voting.vote.BallotRules;
import vitrina.voting.vote.Refusal;
import vitrina.voting.vote.Vote;

/**
 * The page-view beacon behind the "server statistics" indicator: POST /api/v1/views {"stand":"id"}. No
 * cookie is read or set and nothing about the visitor is kept; crawlers are recognised by User-Agent and
 * ignored. Views are summed in memory and written to the store every few seconds.
 */
final class ViewsHandler {
    private static final Pattern BOT = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|yandex(?!browser)|bingpreview|facebookexternalhit|headless|phantom|"
            + "curl|wget|python|java[-/]|http-?client|okhttp|go-http|node-fetch|axios|lighthouse|pingdom|uptime|monitor");
    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();
    private final VoteStore store;
    private final BallotRules rules;
    private final Clock clock;
    private final int maxBody;

    ViewsHandler(VoteStore store, BallotRules rules, Clock clock, int maxBody) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    void beacon(Context ctx) {
        ObjectNode body = Json.readObject(ctx, maxBody);
        String stand = Json.text(body, "stand");
        if (stand == null) throw new ApiError(Refusal.BAD_REQUEST);
        rules.requirePublished(stand);
        if (!isBot(ctx.header("User-Agent"))) pending.computeIfAbsent(stand, k -> new LongAdder()).increment();
        ctx.status(204);
    }

    static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find();
    }

    /** Moves the summed views into the store (called on a timer and at shutdown). */
    void flush() {
        Map<String, Long> out = new TreeMap<>();
        for (String stand : pending.keySet()) {
            LongAdder a = pending.remove(stand);
            if (a != null && a.sum() > 0) out.put(stand, a.sum());
        }
        LocalDate day = clock.instant().atZone(Vote.MOSCOW).toLocalDate();
        store.addPageViews(day, out);
    }
}
