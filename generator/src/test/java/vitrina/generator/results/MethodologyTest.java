package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MethodologyTest {

    @Test
    void statesTheActualWeightsTopSizeAndDownloadLinks() {
        String md = Methodology.markdown(Fixtures.site(Fixtures.WEIGHTS, 3).evaluation(), Fixtures.smallResults(),
                "/results/results.csv", "/results/results.json");
        assertTrue(md.contains("| 0,5 |"), md);
        assertTrue(md.contains("| 0,3 |"), md);
        assertTrue(md.contains("| 0,2 |"), md);
        assertTrue(md.contains("| 0 (не участвует) |"), md);
        assertTrue(md.contains("Сумма весов: 1."), md);
        assertTrue(md.contains("«3 лучших»"), md);
        assertTrue(md.contains("(/results/results.csv)"), md);
        assertTrue(md.contains("(L + E / 2) / n"), md);
        assertFalse(md.contains("{{"), md);
    }
}
