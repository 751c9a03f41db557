package vitrina.generator.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/** Base of the browser tests that visit the demo site (built once per run) in one Chromium per test class. */
abstract class OnDemoSite {
    static DemoSite site;
    static Browser browser;
    static ChromeDriver web;

    @BeforeAll
    static void startBrowser() {
        site = DemoSite.get();
        browser = Browser.start(1280, 900);
        web = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
