package vitrina.generator.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReloadTest {
    @TempDir
    Path site;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void previewInjectsTheReloadScriptIntoServedHtmlButNotIntoTheFile() throws Exception {
        Files.writeString(site.resolve("index.html"), "<html><body><h1>Главная</h1></body></html>");
        try (PreviewServer server = PreviewServer.start(site, 0).liveReload(true)) {
            String body = client.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains(PreviewServer.RELOAD_PATH + "');"), body);
            assertTrue(body.indexOf("EventSource") < body.indexOf("</body>"));
        }
        assertFalse(Files.readString(site.resolve("index.html")).contains("EventSource"));
    }

    @Test
    void withoutLiveReloadPagesAreServedAsBuilt() throws Exception {
        Files.writeString(site.resolve("index.html"), "<html><body>x</body></html>");
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            String body = client.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals("<html><body>x</body></html>", body);
        }
    }

    @Test
    void openPagesReceiveAReloadEventAfterARebuild() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0).liveReload(true)) {
            HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(
                    URI.create(server.url() + PreviewServer.RELOAD_PATH.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
            BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            assertEquals(": connected", in.readLine());
            in.readLine();
            server.reload();
            assertEquals("data: reload", in.readLine());
            in.close();
        }
    }

    @Test
    void watcherRebuildsOnceForABurstOfChanges() throws Exception {
        Files.createDirectories(site.resolve("stands/a"));
        AtomicInteger rebuilds = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        try (SiteWatcher w = SiteWatcher.start(List.of(site), 400, () -> {
            rebuilds.incrementAndGet();
            first.countDown();
        })) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(site.resolve("stands/a/page" + i + ".md"), "текст " + i);
            }
            Files.createDirectories(site.resolve("stands/b"));
            assertTrue(first.await(10, TimeUnit.SECONDS), "a rebuild ran");
            Thread.sleep(600);
            assertEquals(1, rebuilds.get());
            Files.writeString(site.resolve("stands/b/new.md"), "в новой папке");
            Thread.sleep(1500);
            assertEquals(2, rebuilds.get(), "changes in a folder created while watching are seen too");
        }
    }
}
