package vitrina.voting.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vitrina.voting.vote.Refusal;

/**
 * A refusal on its way to the client, always as {@code {"error":{"code":"STABLE_CODE","message":"по-русски"}}}
 * with the refusal's HTTP status. Codes are the {@link Refusal} names and never change.
 */
public final class ApiError extends RuntimeException {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Refusal refusal;

    public ApiError(Refusal refusal) {
        super(Objects.requireNonNull(refusal, "refusal").code(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() { return refusal; }

    /** Writes the error body and status onto the response. */
    static void respond(Context ctx, Refusal r) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", r.code());
        error.put("message", r.message());
        if (r == Refusal.RATE_LIMITED) ctx.header("Retry-After", "60");
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, r.status(), Map.of("error", error));
    }

    /** Maps a bare HTTP status from the framework (404, 405, 413...) to our codes. */
    static Refusal forStatus(int status) {
        return switch (status) {
            case 400 -> Refusal.BAD_REQUEST;
            case 404 -> Refusal.NOT_FOUND;
            case 405 -> Refusal.METHOD_NOT_ALLOWED;
            case 413 -> Refusal.BODY_TOO_LARGE;
            case 415 -> Refusal.UNSUPPORTED_MEDIA_TYPE;
            default -> Refusal.INTERNAL;
        };
    }
}
