package vitrina.generator.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
    @TempDir
    Path site;
    @TempDir
    Path outside;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void writeSite() throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>Главная</h1>");
        Files.writeString(site.resolve("404.html"), "<h1>Не найдено</h1>");
        Files.createDirectories(site.resolve("stands/shkola-1"));
        Files.writeString(site.resolve("stands/shkola-1/index.html"), "<h1>Школа</h1>");
    }

    private HttpResponse<String> get(PreviewServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesIndexOfFoldersWithHtmlContentType() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            HttpResponse<String> r = get(server, "/stands/shkola-1/");
            assertEquals(200, r.statusCode());
            assertEquals("<h1>Школа</h1>", r.body());
            assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void redirectsFolderWithoutTrailingSlash() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            HttpResponse<String> r = get(server, "/stands/shkola-1");
            assertEquals(301, r.statusCode());
            assertEquals("/stands/shkola-1/", r.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void answersUnknownPathsWithTheSites404Page() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            HttpResponse<String> r = get(server, "/nope/");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("Не найдено"));
        }
    }

    @Test
    void neverServesFilesOutsideTheSiteOrThroughSymlinks() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(site.resolve("link.txt"), outside.resolve("secret.txt"));
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            assertEquals(404, get(server, "/link.txt").statusCode());
            assertEquals(404, get(server, "/../" + outside.getFileName() + "/secret.txt").statusCode());
            assertEquals(404, get(server, "/%2e%2e/%2e%2e/etc/passwd").statusCode());
        }
    }
}
