package vitrina.voting.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import vitrina.voting.vote.Refusal;

/**
 * CORS for the site's own origin only. Allowed origins get credentialed CORS headers. A request that
 * carries a foreign Origin is refused, except for public reads (counts, health). Writes must carry an
 * allowed Origin: browsers always send it on POST, so a missing one means a script, not the site.
 */
final class Cors {
    private final Set<String> allowed;

    Cors(List<String> origins) {
        this.allowed = Set.copyOf(origins);
    }

    /** Runs before every route: decorates the response and refuses foreign origins where it matters. */
    void before(Context ctx) {
        String origin = ctx.header("Origin");
        boolean ok = origin != null && allowed.contains(origin);
        ctx.header("Vary", "Origin");
        if (ok) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Credentials", "true");
            ctx.header("Access-Control-Expose-Headers", "ETag, Retry-After");
        }
        String method = ctx.method().name();
        boolean publicRead = method.equals("GET") && (ctx.path().startsWith("/api/v1/counts") || ctx.path().equals("/healthz"));
        boolean admin = ctx.path().startsWith("/api/v1/admin/");
        if (method.equals("OPTIONS")) {
            if (!ok) throw new ApiError(Refusal.ORIGIN_FORBIDDEN);
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
        } else if (method.equals("POST") && !admin) {
            if (!ok) throw new ApiError(Refusal.ORIGIN_FORBIDDEN);
        } else if (origin != null && !ok && !publicRead && !admin) {
            throw new ApiError(Refusal.ORIGIN_FORBIDDEN);
        }
    }
}
