package vitrina.generator.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A static file server for {@code site-output/} bound to 127.0.0.1. It behaves like a CDN in front of the site:
 * {@code /x/} serves {@code x/index.html}, unknown paths get {@code 404.html} with status 404, no path can leave
 * the site folder, and symbolic links are not followed.
 */
public final class PreviewServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("pdf", "application/pdf"), Map.entry("woff2", "font/woff2"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("zip", "application/zip"));

    /** The live-reload endpoint (server-sent events); exists only in the preview, never in built files. */
    public static final String RELOAD_PATH = "/__vitrina/reload";
    static final String RELOAD_SCRIPT = "<script>(function(){var s=new EventSource('" + RELOAD_PATH + "');"
            + "s.onmessage=function(){location.reload();};})();</script>";

    private final HttpServer server;
    private final Path root;
    private final LiveReload live = new LiveReload();
    private volatile boolean liveReload;

    private PreviewServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** Starts serving {@code root}; port 0 picks a free port. */
    public static PreviewServer start(Path root, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        PreviewServer preview = new PreviewServer(server, root.toAbsolutePath().normalize());
        server.createContext("/", preview::handle);
        server.createContext(RELOAD_PATH, preview.live::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return preview;
    }

    /** Injects a tiny reload script into served HTML pages (the files on disk are not changed). */
    public PreviewServer liveReload(boolean on) {
        this.liveReload = on;
        return this;
    }

    /** Tells every open page to reload (after a rebuild). */
    public void reload() {
        live.broadcast();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(ex.getRequestURI());
            if (file == null) {
                String path = ex.getRequestURI().getRawPath();
                if (!path.endsWith("/") && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                        && resolve(URI.create(path + "/")) != null) {
                    ex.getResponseHeaders().set("Location", path + "/");
                    ex.sendResponseHeaders(301, -1);
                    return;
                }
                Path notFound = root.resolve("404.html");
                send(ex, 404, Files.isRegularFile(notFound) ? notFound : null, liveReload);
                return;
            }
            send(ex, 200, file, liveReload);
        }
    }

    /** The file for a request, or null; never a path outside the root or through a symbolic link. */
    Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.contains("\0")) {
            return null;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!path.endsWith("/")) {
                return null;
            }
            file = file.resolve("index.html");
        }
        for (Path p = file; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return null;
            }
        }
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? file : null;
    }

    private static void send(HttpExchange ex, int status, Path file, boolean inject) throws IOException {
        if (file == null) {
            byte[] body = "404 — страница не найдена".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseBody().write(body);
            }
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (inject && ext.equals("html")) {
            byte[] html = LiveReload.inject(Files.readAllBytes(file), RELOAD_SCRIPT);
            ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : html.length);
            if (!ex.getRequestMethod().equals("HEAD")) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(html);
                }
            }
            return;
        }
        long size = Files.size(file);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(size));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, size == 0 ? -1 : size);
        try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
    }
}
