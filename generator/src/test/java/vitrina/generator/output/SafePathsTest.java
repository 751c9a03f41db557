package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SafePathsTest {
    /** The rule as a split and a pattern per segment, which {@link SafePaths#check} implements as a character loop. */
    private static boolean safeByPattern(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !SafePaths.SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean safe(String path) {
        try {
            SafePaths.check(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void theLoopAgreesWithThePatternOnRandomPaths() {
        char[] alphabet = {'a', 'Z', '0', '.', '/', '-', '_', '~', 'я', ' ', '\\', ':', '%'};
        Random r = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(9); i > 0; i--) {
                sb.append(alphabet[r.nextInt(alphabet.length)]);
            }
            String path = sb.toString();
            assertEquals(safeByPattern(path), safe(path), path);
        }
    }

    @Test
    void knownPaths() {
        for (String ok : new String[] {"index.html", "stands/shkola-1/index.html", "search/d/0a1b2c.json", "a/.b/c..d"}) {
            assertEquals(Path.of("/site").resolve(ok), SafePaths.resolve(Path.of("/site"), ok), ok);
        }
        for (String bad : new String[] {"", "/etc/passwd", "a/../b", "a//b", "./a", "a/", "стенд/index.html", "a\\b"}) {
            assertThrows(IllegalArgumentException.class, () -> SafePaths.resolve(Path.of("/site"), bad), bad);
        }
    }
}
