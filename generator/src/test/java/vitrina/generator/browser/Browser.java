package vitrina.generator.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Debian Chromium driven by chromedriver, started with the flags this machine needs (no network
 * beyond loopback). Fails loudly, with the install command, when Chromium is missing.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium is not installed: apt-get install -y chromium chromium-driver"
                    + " (.ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=ru-RU");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG of the viewport under target/screenshots/ (a test artifact to look at). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot via the DevTools protocol (the whole scroll height). */
    public Path fullPageScreenshot(String name) {
        Object height = driver.executeScript("return Math.min(document.documentElement.scrollHeight, 6000)");
        var size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), ((Number) height).intValue()));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /**
     * A full-page screenshot taken by Chromium itself (Page.captureScreenshot beyond the viewport), which keeps any
     * device metrics emulation in force (phone width, zoom) instead of resizing the window.
     */
    public Path capture(String name) {
        @SuppressWarnings("unchecked")
        var metrics = (java.util.Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
        @SuppressWarnings("unchecked")
        var content = (java.util.Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 6000);
        var shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

}
