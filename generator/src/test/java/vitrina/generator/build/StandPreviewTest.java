package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

class StandPreviewTest {
    @TempDir
    Path dir;

    @Test
    void previewOfOneStandBuildsThatStandAndTheListingsOnly() throws Exception {
        BuildOptions options = TestSites.options(TestSites.fixture("mini"), dir).withOnlyStand("sochi-school-12");
        BuildReport report = new Build(options).run();
        assertFalse(report.fatal());
        assertEquals(List.of("sochi-school-12"), report.published());
        assertTrue(Files.exists(options.outDir().resolve("stands/sochi-school-12/index.html")));
        assertFalse(Files.exists(options.outDir().resolve("stands/novosibirsk-museum")));
        assertTrue(Files.readString(options.outDir().resolve("catalog/index.html")).contains("/stands/sochi-school-12/"));
    }
}
