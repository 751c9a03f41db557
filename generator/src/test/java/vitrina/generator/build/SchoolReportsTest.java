package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

/** Each school's report names its own problems only, and a rebuild rewrites only the reports that changed. */
class SchoolReportsTest {
    @TempDir
    Path dir;

    @Test
    void eachSchoolSeesItsOwnProblemsAndUnchangedReportsAreNotRewritten() throws Exception {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Path broken = content.resolve("stands/broken-stand");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("stand.yaml"), "name: \"Школа\nregion: [\n");
        Files.writeString(broken.resolve("index.md"), "# Школа\n");
        BuildReport report = TestSites.build(content, dir);
        Path schools = dir.resolve(".vitrina/report/schools");

        String brokenJson = Files.readString(schools.resolve("broken-stand.json"));
        assertTrue(brokenJson.contains("stands/broken-stand/stand.yaml"), brokenJson);
        assertFalse(report.published().isEmpty());
        String published = report.published().get(0);
        Path own = schools.resolve(published + ".json");
        assertFalse(Files.readString(own).contains("broken-stand"), "another school's problems do not leak");
        assertEquals(SchoolReports.problemsOf(report, "broken-stand"),
                SchoolReports.problemsByFolder(report, java.util.List.of("broken-stand", published))
                        .get("broken-stand"));

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(own, old);
        Files.writeString(broken.resolve("index.md"), "# Школа\n\n[ссылка](nowhere.md)\n");
        TestSites.build(content, dir);
        assertEquals(old, Files.getLastModifiedTime(own), "an unchanged report is left as it is");

        String text = Files.readString(own);
        Files.delete(own);
        TestSites.build(content, dir);
        assertEquals(text, Files.readString(own), "a report deleted since is written again");
    }
}
