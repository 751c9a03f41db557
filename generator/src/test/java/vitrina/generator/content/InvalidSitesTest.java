package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vitrina.generator.problem.Problems;

/**
 * Loads every folder of {@code sites-invalid/} and compares its problems with {@code expected-problems.txt}: one
 * line per problem, {@code SEVERITY code file:line:col}, in reading order.
 */
class InvalidSitesTest {
    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(InvalidSitesTest.class.getResource("/sites-invalid").toURI());
        return Files.list(root).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(Path site) throws IOException {
        Problems problems = Problems.tracking(100);
        TestSite.load(site, problems);
        List<String> actual = problems.all().stream()
                .map(p -> p.severity() + " " + p.code() + " " + p.location())
                .collect(Collectors.toList());
        List<String> expected = Files.readAllLines(site.resolve("expected-problems.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).collect(Collectors.toList());
        assertEquals(expected.stream().sorted().collect(Collectors.toList()), actual.stream().sorted().collect(Collectors.toList()));
        assertTrue(problems.all().stream().allMatch(p -> !p.message().isBlank() && !p.hint().isBlank()));
    }

    @Test
    void hasSeveralCases() throws Exception {
        assertTrue(cases().count() >= 4);
    }
}
