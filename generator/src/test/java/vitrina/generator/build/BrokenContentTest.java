package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;
import vitrina.generator.problem.Problem;

/** One broken stand never breaks the others; a broken site or theme never breaks the previous site. */
class BrokenContentTest {
    @TempDir
    Path dir;

    private Path mini() {
        return TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
    }

    @Test
    void aStandWithBrokenYamlIsLeftOutAndTheOthersPublish() throws Exception {
        Path content = mini();
        Path broken = content.resolve("stands/broken-stand");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("stand.yaml"), "name: \"Школа\nregion: [\n");
        Files.writeString(broken.resolve("index.md"), "# Школа\n");

        BuildReport report = TestSites.build(content, dir);

        assertFalse(report.fatal());
        assertEquals(1, report.exitCode());
        assertTrue(report.leftOut().stream().anyMatch(l -> l.folder().equals("broken-stand")), report.leftOut()::toString);
        assertFalse(Files.exists(dir.resolve("site-output/stands/broken-stand")));
        assertFalse(report.published().isEmpty());
        for (String id : report.published()) {
            assertTrue(Files.exists(dir.resolve("site-output/stands/" + id + "/index.html")), id);
        }
        Problem p = report.problems().stream().filter(x -> x.file().equals("stands/broken-stand/stand.yaml"))
                .findFirst().orElseThrow();
        assertTrue(p.line() > 0, p::toString);
        assertTrue(p.isError());
    }

    @Test
    void aMissingDefaultThemeIsFatalBeforeAnyStandIsPrepared() throws Exception {
        Path content = mini();
        BuildOptions ok = TestSites.options(content, dir);
        BuildOptions noTheme = new BuildOptions(ok.contentDir(), ok.outDir(), dir.resolve("themes/default"), null,
                ok.workDir(), TestSites.CLOCK, null);

        BuildReport report = new Build(noTheme).run();

        assertTrue(report.fatal());
        assertEquals(3, report.exitCode());
        assertTrue(report.problems().stream().anyMatch(p -> p.code().equals("site.theme.missing")),
                report.problems()::toString);
        // run outside the project, a 50,000-stand build used to prepare every stand before saying so
        assertFalse(Files.exists(dir.resolve(".vitrina/cache/stands")), "stands were prepared");
        assertFalse(Files.exists(dir.resolve("site-output")));
    }

    @Test
    void anUnusableSiteYamlIsFatalAndKeepsThePreviousSite() throws Exception {
        Path content = mini();
        BuildReport good = TestSites.build(content, dir);
        assertFalse(good.fatal(), good.problems()::toString);
        Files.writeString(content.resolve("site.yaml"), "title: [unclosed\n");

        BuildReport bad = TestSites.build(content, dir);

        assertTrue(bad.fatal());
        assertEquals(3, bad.exitCode());
        assertEquals(good.manifest(), vitrina.generator.output.ManifestJson.read(dir.resolve(".vitrina/report/manifest.json")));
        assertTrue(Files.exists(dir.resolve("site-output/index.html")));
    }

    @Test
    void aTemplateErrorInASiteThemeLeavesThePreviousSiteIntact() throws Exception {
        Path content = mini();
        BuildReport good = TestSites.build(content, dir);
        String before = Files.readString(dir.resolve("site-output/index.html"));
        Path theme = dir.resolve("theme");
        Files.createDirectories(theme.resolve("templates"));
        for (String name : new String[] {"home.peb", "stand.peb", "base.peb"}) {
            Files.writeString(theme.resolve("templates").resolve(name), "{% if %}broken{% endif");
        }
        BuildOptions withTheme = new BuildOptions(content, dir.resolve("site-output"), TestSites.defaultTheme(),
                theme, dir.resolve(".vitrina"), TestSites.CLOCK, null);

        try {
            new Build(withTheme).run();
        } catch (RuntimeException expected) {
            // a broken template is the organizers' programming mistake: it may fail loudly
        }

        assertEquals(before, Files.readString(dir.resolve("site-output/index.html")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("staging")), "staging removed");
        }
        assertFalse(good.fatal());
    }
}
