package vitrina.generator.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vitrina.generator.TestSites;

/**
 * Runs bench/quality.sh, so CI keeps the page quality budget: Lighthouse scores of at least 95 in all four
 * categories on the home, a stand and the search page, and a stand page under 60 KB compressed without photos.
 * The script's figures are printed and saved to target/quality.txt. Lighthouse's performance score moves by a few
 * points between runs on a shared machine, so a failed run is repeated once before the budget counts as broken
 * (both reports are printed).
 */
class PageQualityIT {
    @Test
    void lighthouseScoresAndTheStandPageWeightStayWithinTheBudget() throws IOException, InterruptedException {
        try {
            runOnce();
        } catch (AssertionError firstRun) {
            System.out.println("page quality: first run failed, running once more: " + firstRun.getMessage());
            runOnce();
        }
    }

    private static void runOnce() throws IOException, InterruptedException {
        Path root = TestSites.projectRoot();
        Path out = Path.of("target", "quality.txt").toAbsolutePath();
        Process p = new ProcessBuilder("bash", root.resolve("bench/quality.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = p.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String report = Files.readString(out, StandardCharsets.UTF_8);
        System.out.println(report);
        assertTrue(finished, "bench/quality.sh took more than 4 minutes:\n" + report);
        assertEquals(0, p.exitValue(), "page quality budget not met:\n" + report);
        assertTrue(report.contains("Page quality budget met."), report);
    }
}
