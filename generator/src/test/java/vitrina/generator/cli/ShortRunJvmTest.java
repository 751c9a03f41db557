package vitrina.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vitrina.generator.TestSites;
import vitrina.generator.build.Build;

class ShortRunJvmTest {
    @TempDir
    Path dir;

    @Test
    void readsTheWorkFolderAsTheBuildCommandDoes() {
        List<String[]> cases = List.of(
                new String[] {"build"},
                new String[] {"build", "--out", "x/site"},
                new String[] {"build", "--out=x/site", "--quiet"},
                new String[] {"build", "--work", "w", "--out", "x/site"},
                new String[] {"build", "--content", "c", "--work=w2"});
        for (String[] args : cases) {
            CommandLine cli = new CommandLine(new VitrinaCommand());
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            BuildCommand build = (BuildCommand) parsed.subcommand().commandSpec().userObject();
            Path expected = build.content.toBuildOptions(null).workDir();
            assertEquals(Optional.of(expected), ShortRunJvm.workDir(args), String.join(" ", args));
        }
    }

    @Test
    void onlyABuildForks() {
        assertEquals(Optional.empty(), ShortRunJvm.workDir(new String[0]));
        assertEquals(Optional.empty(), ShortRunJvm.workDir(new String[] {"check", "--work", "w"}));
        assertEquals(Optional.empty(), ShortRunJvm.workDir(new String[] {"serve", "--build"}));
        assertEquals(Optional.empty(), ShortRunJvm.workDir(new String[] {"build", "--help"}));
        assertEquals(Optional.empty(), ShortRunJvm.workDir(new String[] {"build", "-V"}));
    }

    @Test
    void theChildGetsThisJvmsOptionsTheC1SettingAndTheSameArguments() {
        List<String> cmd = ShortRunJvm.command(Path.of("/jdk/bin/java"), List.of("-Xmx1500m", "-Dfoo=bar"),
                "app.jar", new String[] {"build", "--content", "c"}).orElseThrow();
        assertEquals(List.of("/jdk/bin/java", "-Xmx1500m", "-Dfoo=bar", "-XX:TieredStopAtLevel=1",
                "-Dvitrina.forked=true", "-cp", "app.jar", "vitrina.generator.cli.Main", "build", "--content", "c"), cmd);
    }

    @Test
    void aCompilerSettingOfTheUsersOrAChildKeepsTheBuildInThisJvm() {
        for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Dvitrina.forked=true")) {
            assertEquals(Optional.empty(), ShortRunJvm.command(Path.of("java"), List.of("-Xmx1g", option), "app.jar",
                    new String[] {"build"}), option);
        }
    }

    @Test
    void optionsFromTheEnvironmentAreNotGivenTwice() {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Dx=1", "JDK_JAVA_OPTIONS", "-Dy=2",
                "_JAVA_OPTIONS", "-Dz=3", "PATH", "/bin"));
        ShortRunJvm.cleanEnvironment(env);
        assertEquals(Map.of("PATH", "/bin"), env);
    }

    @Test
    void aBuildMarksItsCacheWarmForThisGeneratorOnly() throws Exception {
        Path work = dir.resolve(".vitrina");
        assertTrue(Build.warmCache(work).isEmpty());
        TestSites.build(TestSites.fixture("mini"), dir);
        assertTrue(Build.warmCache(work).isPresent());
        assertTrue(Build.warmCache(work).getAsInt() > 0);
        Path marker = work.resolve("cache/warm");
        Files.writeString(marker, "another generator\n3\n", StandardCharsets.UTF_8);
        assertTrue(Build.warmCache(work).isEmpty());
    }

    /** The CLI as a person runs it: the first build in its own JVM, the rebuild in a child, with the same site. */
    @Test
    void theRebuildRunsInAChildJvmAndGivesTheSameSite() throws Exception {
        Path out = dir.resolve("site");
        List<String> args = List.of("build", "--content", TestSites.fixture("mini").toString(), "--out",
                out.toString(), "--default-theme", TestSites.defaultTheme().toString(), "--quiet");
        Run first = cli(args);
        assertEquals(0, first.code, first.output);
        assertFalse(first.output.contains("отдельной JVM"), first.output);
        String manifest = Files.readString(dir.resolve(".vitrina/report/manifest.json"));
        Run second = cli(args);
        assertEquals(0, second.code, second.output);
        assertTrue(second.output.contains("отдельной JVM") && second.output.contains(ShortRunJvm.C1_ONLY),
                second.output);
        assertTrue(second.output.contains("Стендов опубликовано"), second.output);
        assertEquals(manifest, Files.readString(dir.resolve(".vitrina/report/manifest.json")));
    }

    private record Run(int code, String output) {
    }

    private static Run cli(List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-Dvitrina.debug=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("VITRINA_FORK");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        return new Run(p.exitValue(), output);
    }
}
