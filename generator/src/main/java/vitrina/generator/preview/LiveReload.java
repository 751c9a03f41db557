package vitrina.generator.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events telling open preview pages to reload: each page keeps one request open; a rebuild sends
 * {@code data: reload}. A comment every 15 s keeps proxies and the browser from timing the stream out.
 */
final class LiveReload {
    private final Set<LinkedBlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void handle(HttpExchange ex) throws IOException {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                out.write((event == null ? ": ping\n\n" : "data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed or reloaded: forget it
        } finally {
            clients.remove(queue);
        }
    }

    void broadcast() {
        clients.forEach(q -> q.add("reload"));
    }

    int clients() {
        return clients.size();
    }

    void close() {
        closed = true;
        broadcast();
    }

    /** The page with {@code script} before {@code </body>} (or at the end when there is none). */
    static byte[] inject(byte[] html, String script) {
        String page = new String(html, StandardCharsets.UTF_8);
        int at = page.lastIndexOf("</body>");
        String out = at < 0 ? page + script : page.substring(0, at) + script + page.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }
}
