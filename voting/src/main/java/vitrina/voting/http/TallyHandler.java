package vitrina.voting.http;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vitrina.voting.store.VoteStore;
import vitrina.voting.vote.BallotRules;
import vitrina.voting.vote.Refusal;

/**
 * Public live counts (counted votes only; flagged ones wait for review). One snapshot of all tallies is
 * read from the store at most once per {@code maxAgeMillis} and served to everyone, with ETags so that
 * browsers and CDNs revalidate cheaply.
 */
final class TallyHandler {
    private final VoteStore store;
    private final BallotRules rules;
    private final long maxAgeMillis;
    private volatile Snapshot snapshot;

    private record Snapshot(long takenAt, Map<String, Map<String, Long>> byStand, byte[] json, String etag) {}

    TallyHandler(VoteStore store, BallotRules rules, long maxAgeMillis) {
        this.store = store;
        this.rules = rules;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** GET /api/v1/counts → {"stands":[{"id","nomination","votes"}]}. */
    void all(Context ctx) {
        Snapshot s = current();
        send(ctx, s.etag(), s.json());
    }

    /** GET /api/v1/counts/{stand} → {"stand","votes","nominations":{...}}. */
    void one(Context ctx) {
        String stand = ctx.pathParam("stand");
        rules.requirePublished(stand);
        Map<String, Long> noms = current().byStand().getOrDefault(stand, Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stand", stand);
        body.put("votes", noms.values().stream().mapToLong(Long::longValue).sum());
        body.put("nominations", noms);
        byte[] json = bytes(body);
        send(ctx, etag(json), json);
    }

    private void send(Context ctx, String etag, byte[] json) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=5");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(json);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        if (s != null && now - s.takenAt() < maxAgeMillis) return s;
        synchronized (this) {
            s = snapshot;
            if (s != null && System.currentTimeMillis() - s.takenAt() < maxAgeMillis) return s;
            Map<String, Map<String, Long>> byStand = new TreeMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (VoteStore.Tally t : store.tallies()) {
                byStand.computeIfAbsent(t.standId(), k -> new TreeMap<>()).put(t.nomination(), t.counted());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", t.standId());
                row.put("nomination", t.nomination());
                row.put("votes", t.counted());
                rows.add(row);
            }
            byte[] json = bytes(Map.of("stands", rows));
            snapshot = new Snapshot(System.currentTimeMillis(), byStand, json, etag(json));
            return snapshot;
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return ApiError.JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(Refusal.INTERNAL);
        }
    }

    static String etag(byte[] json) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(d, 0, 10) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
