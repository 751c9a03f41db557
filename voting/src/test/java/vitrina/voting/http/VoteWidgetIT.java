package vitrina.voting.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * vote.js in a real headless Chromium: the stand page is served from one origin, the voting service from
 * another (same site, different port), exactly as in the local demo. The browser solves real proof-of-work.
 */
class VoteWidgetIT {
    @TempDir Path dir;
    TestServer service;
    HttpServer site;
    WebDriver browser;

    @BeforeEach void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        service = new TestServer(dir, "--origin", origin, "--pow-bits", System.getProperty("vitrina.voting.widget.powBits", "12"));
        byte[] js = Files.readAllBytes(Path.of("../themes/default/assets/vote.js"));
        site.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/vote.js")) {
                body = js;
                ex.getResponseHeaders().set("Content-Type", "text/javascript");
            } else {
                String to = path.contains("closed") ? "2021-01-31" : "2099-12-31";
                body = ("<!doctype html><html lang=ru><meta charset=utf-8><title>Стенд</title><body>"
                        + "<section class=\"vote\" aria-labelledby=\"vote-title\" data-vote-endpoint=\"http://127.0.0.1:"
                        + service.server.port() + "\" data-stand=\"sochi-school-12\" data-nominations=\"innovation\""
                        + " data-vote-from=\"2021-01-01\" data-vote-to=\"" + to + "\">"
                        + "<h2 id=\"vote-title\">Народное голосование</h2>"
                        + "<p class=\"vote__nojs\">Для голосования нужен включённый JavaScript.</p></section>"
                        + "<script src=\"/vote.js\" defer></script></body></html>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        site.start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), o);
    }

    @AfterEach void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.stop(0);
        if (service != null) service.close();
    }

    @Test void visitorVotesAcrossOriginsAndSeesThanks() {
        browser.get("http://127.0.0.1:" + site.getAddress().getPort() + "/stands/sochi-school-12/");
        WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(20));
        WebElement count = wait.until(d -> {
            WebElement c = d.findElement(By.cssSelector(".vote__count"));
            return c.getText().equals("Голосов: 0") ? c : null;
        });
        assertFalse(browser.findElement(By.cssSelector(".vote__nojs")).isDisplayed());
        WebElement button = browser.findElement(By.cssSelector(".vote__button"));
        assertEquals("Проголосовать за стенд", button.getText());
        long t0 = System.nanoTime();
        button.click();
        WebElement status = browser.findElement(By.cssSelector(".vote__status"));
        wait.until(d -> status.getText().equals("Спасибо! Ваш голос учтён."));
        System.out.printf("vote in browser (click to thanks, incl. proof-of-work): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals("Голосов: 1", count.getText());
        assertTrue(!button.isEnabled());
        assertEquals("polite", status.getAttribute("aria-live"));
        assertEquals(status, browser.switchTo().activeElement(), "focus moves to the result");

        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector(".vote__status")).getText().equals("Вы уже проголосовали за этот стенд."));
        assertFalse(browser.findElement(By.cssSelector(".vote__button")).isEnabled());
    }

    @Test void afterThePeriodThePageSaysVotingIsOver() {
        browser.get("http://127.0.0.1:" + site.getAddress().getPort() + "/closed/");
        WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(20));
        wait.until(d -> !d.findElements(By.cssSelector(".vote__note")).isEmpty());
        assertEquals("Голосование завершено 31.01.2021.", browser.findElement(By.cssSelector(".vote__note")).getText());
        assertTrue(browser.findElements(By.cssSelector(".vote__button")).isEmpty());
    }
}
