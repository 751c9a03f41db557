package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

class BuildLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondBuildInTheSameWorkFolderStopsAtOnceAndWritesNothing() throws Exception {
        Path work = dir.resolve(".vitrina");
        try (BuildLock held = BuildLock.tryAcquire(work).orElseThrow()) {
            assertTrue(BuildLock.tryAcquire(work).isEmpty(), "one build at a time");
            BuildReport report = TestSites.build(TestSites.fixture("mini"), dir);
            assertTrue(report.fatal());
            assertEquals(3, report.exitCode());
            assertEquals("build.busy", report.problems().get(0).code());
            assertTrue(report.problems().get(0).hint().contains("--work"), report.problems().toString());
            assertFalse(Files.exists(dir.resolve("site-output")), "no site");
            assertFalse(Files.exists(work.resolve("report")), "no report: the other build's stay");
        }
        BuildReport report = TestSites.build(TestSites.fixture("mini"), dir);
        assertFalse(report.fatal(), report.problems().toString());
        assertTrue(BuildLock.tryAcquire(work).map(l -> {
            l.close();
            return true;
        }).orElse(false), "released when the build ended");
    }

    @Test
    void whatKilledBuildsLeftBesideTheSiteIsRemoved() throws Exception {
        Path staging = Files.createDirectories(dir.resolve(".site-output.staging-123/stands/a"));
        Files.writeString(staging.resolve("index.html"), "half");
        Path old = Files.createDirectories(dir.resolve(".site-output.old-7f/b"));
        Files.writeString(old.resolve("index.html"), "old");
        Path other = Files.createDirectories(dir.resolve(".site-output-notes"));
        BuildReport report = TestSites.build(TestSites.fixture("mini"), dir);
        assertFalse(report.fatal(), report.problems().toString());
        assertFalse(Files.exists(dir.resolve(".site-output.staging-123")));
        assertFalse(Files.exists(dir.resolve(".site-output.old-7f")));
        assertTrue(Files.isDirectory(other), "only the build's own leftovers go");
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".staging-") || n.contains(".old-")).toList());
        }
    }
}
