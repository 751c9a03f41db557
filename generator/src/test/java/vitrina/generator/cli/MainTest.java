package vitrina.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommandsInRussian() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("build"), out::toString);
        assertTrue(out.toString().contains("check"));
        assertTrue(out.toString().contains("serve"));
        assertTrue(out.toString().contains("Коды выхода"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("build", "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err::toString);
    }

    @Test
    void checkOfAValidSiteExitsZeroAndWritesNothing() {
        Path content = TestSites.fixture("mini");
        assertEquals(0, run("check", "--content", content.toString(), "--out", dir.resolve("out").toString(),
                "--default-theme", TestSites.defaultTheme().toString()), out::toString);
        assertTrue(out.toString().contains("Ошибок нет"), out::toString);
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void checkReportsErrorsAsJsonWithFileLineAndExitCodeOne() throws Exception {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Path stand = content.resolve("stands/bad-inn");
        Files.createDirectories(stand);
        String yaml = Files.readString(firstStandYaml(content)).replaceAll("inn: *\"?\\d+\"?", "inn: \"1234567890\"");
        Files.writeString(stand.resolve("stand.yaml"), yaml);
        Files.writeString(stand.resolve("index.md"), "# Школа\n");

        assertEquals(1, run("check", "--content", content.toString(), "--format", "json"), out::toString);
        String json = out.toString();
        assertTrue(json.contains("\"file\": \"stands/bad-inn/stand.yaml\""), json);
        assertTrue(json.contains("\"exitCode\": 1"), json);
    }

    @Test
    void checkOfOneStandPrintsGithubAnnotationsOnlyForThatStand() throws Exception {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Path stand = content.resolve("stands/bad-inn");
        Files.createDirectories(stand);
        String yaml = Files.readString(firstStandYaml(content)).replaceAll("inn: *\"?\\d+\"?", "inn: \"1234567890\"");
        Files.writeString(stand.resolve("stand.yaml"), yaml);
        Files.writeString(stand.resolve("index.md"), "# Школа\n");

        assertEquals(1, run("check", "--content", content.toString(), "--stand", "bad-inn", "--format", "github"));
        String annotations = out.toString();
        assertTrue(annotations.startsWith("::error file=content/stands/bad-inn/stand.yaml,line="), annotations);
        assertTrue(annotations.lines().allMatch(l -> l.contains("stands/bad-inn/") || !l.contains("stands/")), annotations);

        out.getBuffer().setLength(0);
        String other;
        try (var dirs = Files.list(content.resolve("stands"))) {
            other = dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("bad-inn")).sorted().findFirst().orElseThrow();
        }
        assertEquals(0, run("check", "--content", content.toString(), "--stand", other, "--format", "gitlab"), out::toString);
        assertTrue(out.toString().startsWith("["), out::toString);
    }

    @Test
    void buildPrintsASummaryAndTheSiteFolder() {
        Path content = TestSites.fixture("mini");
        int code = run("build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--default-theme", TestSites.defaultTheme().toString(), "--quiet");
        assertEquals(0, code, out::toString);
        assertTrue(out.toString().contains("Стендов опубликовано"), out::toString);
        assertTrue(Files.exists(dir.resolve("site/index.html")));
        assertTrue(Files.exists(dir.resolve(".vitrina/report/build-report.txt")));
    }

    private static Path firstStandYaml(Path content) throws Exception {
        try (var dirs = Files.list(content.resolve("stands"))) {
            return dirs.sorted().map(d -> d.resolve("stand.yaml")).filter(Files::exists).findFirst().orElseThrow();
        }
    }
}
