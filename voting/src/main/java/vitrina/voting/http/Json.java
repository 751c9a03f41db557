package vitrina.voting.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import vitrina.voting.vote.Refusal;

/** Reads size-limited JSON object bodies and writes JSON responses. */
final class Json {
    private Json() {}

    static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(ApiError.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize response", e);
        }
    }

    /** Reads at most {@code limit} bytes (413 above that, whatever Content-Length claims) and parses an object. */
    static ObjectNode readObject(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) throw new ApiError(Refusal.BODY_TOO_LARGE);
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new ApiError(Refusal.BAD_JSON);
        }
        if (body.length > limit) throw new ApiError(Refusal.BODY_TOO_LARGE);
        JsonNode node;
        try {
            node = ApiError.JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiError(Refusal.BAD_JSON);
        }
        if (node == null || !node.isObject()) throw new ApiError(Refusal.BAD_JSON);
        return (ObjectNode) node;
    }

    /** A text field, or null when absent; any non-text, non-number value is a bad request. */
    static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isIntegralNumber()) return n.asText();
        throw new ApiError(Refusal.BAD_REQUEST);
    }
}
