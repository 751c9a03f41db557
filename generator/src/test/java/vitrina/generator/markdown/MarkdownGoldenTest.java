package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vitrina.generator.problem.Problem;

/**
 * Renders every {@code golden/markdown/<case>.md} and compares with {@code <case>.html}.
 * {@code mvn test -Dvitrina.golden.update=true} rewrites the expected files; review the diff before committing.
 */
class MarkdownGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/markdown");
    private static final boolean UPDATE = Boolean.getBoolean("vitrina.golden.update");
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @Test
    void goldenFolderCoversEveryFeature() throws IOException {
        List<String> names = cases().map(p -> p.getFileName().toString()).toList();
        for (String feature : List.of("tables", "footnotes", "strikethrough", "autolinks", "headings", "links",
                "images", "video")) {
            assertTrue(names.contains(feature + ".md"), "golden case missing: " + feature);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikeGolden(Path input) throws IOException {
        String markdown = Files.readString(input, StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        String html = RENDERER.render(markdown, "stands/demo/" + input.getFileName(), 1, new FakeLinks(),
                problems::add).html() + "\n";
        Path expected = DIR.resolve(input.getFileName().toString().replaceAll("\\.md$", ".html"));
        if (UPDATE) {
            Files.writeString(expected, html, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expected), "no golden file " + expected + "; run with -Dvitrina.golden.update=true");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), html);
    }
}
