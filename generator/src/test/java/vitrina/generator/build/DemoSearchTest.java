package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

/** The search client (in Node) answers everyday Russian queries from the index of the real demo build. */
class DemoSearchTest {
    @Test
    void everydayRussianQueriesFindTheRightStandsInTheDemo(@TempDir Path dir) throws Exception {
        BuildReport report = TestSites.build(TestSites.demoContent(), dir);
        assertEquals(0, report.errors(), report.problems()::toString);
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "src/test/js-demo/").redirectErrorStream(true);
        pb.environment().put("VITRINA_DEMO_SEARCH", dir.resolve("site-output/search").toString());
        pb.environment().put("VITRINA_SEARCH_JS",
                TestSites.projectRoot().resolve("themes/default/assets/search.js").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("# fail 0") && !output.contains("# pass 0"), output);
    }
}
