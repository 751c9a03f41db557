package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vitrina.generator.TestSites;
import vitrina.generator.build.BuildReport;
import vitrina.generator.preview.PreviewServer;

/**
 * The demo content built once per test JVM and served on loopback, shared by the browser ITs so that each of them
 * does not rebuild the same site. The server's threads are daemons; the temp folder is left for inspection.
 */
final class DemoSite {
    private static DemoSite shared;

    private final Path site;
    private final PreviewServer server;

    private DemoSite(Path site, PreviewServer server) {
        this.site = site;
        this.server = server;
    }

    static synchronized DemoSite get() {
        if (shared == null) {
            shared = build(TestSites.demoContent());
        }
        return shared;
    }

    /** Builds any content folder into a fresh temp folder and serves it (for fixture sites a test edits). */
    static DemoSite build(Path content) {
        try {
            Path dir = Files.createTempDirectory("vitrina-browser-");
            BuildReport report = TestSites.build(content, dir);
            assertEquals(0, report.errors(), report.problems()::toString);
            Path site = dir.resolve("site-output");
            return new DemoSite(site, PreviewServer.start(site, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path site() {
        return site;
    }

    /** Absolute URL of a site path such as {@code /catalog/}. */
    String url(String path) {
        return server.url() + path.substring(1);
    }

    /** The first region page with stands, like {@code /regions/23/}, read from the built region index. */
    String firstRegionPage() {
        try (var dirs = Files.list(site.resolve("regions"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d")).sorted().findFirst()
                    .map(n -> "/regions/" + n + "/").orElseThrow(() -> new AssertionError("no region pages"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        server.close();
    }
}
