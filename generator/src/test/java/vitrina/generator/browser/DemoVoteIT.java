package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vitrina.generator.TestSites;
import vitrina.generator.build.BuildReport;
import vitrina.generator.preview.PreviewServer;

/**
 * The demo site served next to the real voting service (its jar, a real SQLite file): a visitor votes for a stand
 * in Chromium and sees the count move; the service accepts only stands the build published.
 */
class DemoVoteIT {
    @TempDir
    static Path dir;
    static PreviewServer site;
    static Process voting;
    static Browser browser;
    static int votingPort;

    @BeforeAll
    static void start() throws Exception {
        Path content = TestSites.copy(TestSites.demoContent(), dir.resolve("content"));
        votingPort = freePort();
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml)
                .replaceAll("endpoint: *\"[^\"]*\"", "endpoint: \"http://127.0.0.1:" + votingPort + "\""));
        BuildReport report = TestSites.build(content, dir);
        assertEquals(0, report.errors(), report.problems()::toString);
        site = PreviewServer.start(dir.resolve("site-output"), 0);
        Path jar = TestSites.projectRoot().resolve("voting/target/vitrina-voting.jar");
        assertTrue(Files.exists(jar), "build the voting module first (mvn verify builds it before the generator)");
        voting = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(votingPort),
                "--db", dir.resolve("votes.db").toString(), "--stands", dir.resolve("site-output/data/stands.json").toString(),
                "--site", siteYaml.toString(), "--origin", "http://127.0.0.1:" + site.port(), "--admin-token", "test-token")
                .redirectErrorStream(true).redirectOutput(dir.resolve("voting.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; ; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + votingPort + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                if (i > 100) {
                    throw new AssertionError("voting service did not start: " + Files.readString(dir.resolve("voting.log")));
                }
            }
            Thread.sleep(100);
        }
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (voting != null) {
            voting.destroy();
        }
        if (site != null) {
            site.close();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aVisitorVotesOncePerStandAndSeesTheCountMove() throws Exception {
        ChromeDriver web = browser.driver();
        String stand = List.of(TestSites.demoContent().resolve("stands").toFile().list()).stream().sorted()
                .findFirst().orElseThrow();
        web.get(site.url() + "stands/" + stand + "/");
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(20));
        WebElement count = wait.until(d -> {
            var c = d.findElements(By.cssSelector(".vote__count"));
            return c.isEmpty() || !c.get(0).getText().matches("Голосов: \\d+") ? null : c.get(0);
        });
        assertEquals("Голосов: 0", count.getText());
        assertFalse(web.findElement(By.cssSelector(".vote__nojs")).isDisplayed());
        WebElement button = web.findElement(By.cssSelector(".vote__button"));
        web.executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
        wait.until(d -> d.findElement(By.cssSelector(".vote__status")).getText().startsWith("Спасибо"));
        assertEquals("Голосов: 1", count.getText());
        browser.screenshot("10-voted");

        web.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector(".vote__status")).getText().contains("уже проголосовали"));
        assertFalse(web.findElement(By.cssSelector(".vote__button")).isEnabled());

        // the public counts are a snapshot refreshed every few seconds (cacheable): wait for it to move
        String body = "";
        for (int i = 0; i < 100 && !body.contains("\"votes\":1"); i++) {
            body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + votingPort + "/api/v1/counts/" + stand)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(i == 0 ? 0 : 200);
        }
        assertTrue(body.contains("\"votes\":1"), body);
    }
}
