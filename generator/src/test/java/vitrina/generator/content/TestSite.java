package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;

/**
 * Writes small content folders for tests from text: {@code -- path --} lines start each file (Hugo's txtar style),
 * and offers a valid site.yaml and stand.yaml to change one line at a time.
 */
final class TestSite {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    static final String SITE_YAML = """
            title: "Тестовая выставка"
            base_url: "https://example.org/"
            exposition: { from: 2026-03-17, to: 2026-08-07 }
            nominations:
              - { id: innovation, title: "Инновационные подходы" }
              - { id: upbringing, title: "Воспитательная работа" }
            """;

    static final String STAND_YAML = """
            name: "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»"
            short_name: "МБОУ СОШ № 1"
            type: school
            region: 77
            city: "Москва"
            inn: "7707083893"
            ogrn: "1027700132195"
            license: { number: "Л035-00000-77/00000000", date: 2015-05-12 }
            founded: 1990
            nominations: [innovation]
            """;

    private TestSite() {
    }

    /** Writes every {@code -- path --} block of {@code spec} under {@code root}. */
    static Path write(Path root, String spec) {
        String path = null;
        StringBuilder body = new StringBuilder();
        for (String line : spec.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                flush(root, path, body);
                path = line.substring(3, line.length() - 3);
                body.setLength(0);
            } else if (path != null) {
                body.append(line).append('\n');
            }
        }
        flush(root, path, body);
        return root;
    }

    private static void flush(Path root, String path, StringBuilder body) {
        if (path == null) {
            return;
        }
        String text = body.toString().replaceAll("\n\n$", "\n");
        writeBytes(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(Path root, String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A site with one stand {@code shkola-1} whose stand.yaml is {@code standYaml}, plus extra blocks. */
    static Path withStand(Path root, String standYaml, String extra) {
        return write(root, "-- site.yaml --\n" + SITE_YAML + "-- stands/shkola-1/stand.yaml --\n" + standYaml
                + "-- stands/shkola-1/index.md --\n# О школе\n\nТекст.\n" + extra);
    }

    /** The baseline stand.yaml with the line starting {@code field + ":"} replaced (or removed when null). */
    static String standWith(String field, String newLine) {
        return STAND_YAML.lines()
                .map(l -> l.startsWith(field + ":") ? newLine : l)
                .filter(l -> l != null)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** 1-based line of the first line starting with {@code prefix}. */
    static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    static LoadResult load(Path root, Problems problems) {
        return new ContentLoader(CLOCK).load(root, problems);
    }

    static Problem only(Problems problems, String code) {
        List<Problem> found = problems.all().stream().filter(p -> p.code().equals(code)).collect(Collectors.toList());
        assertTrue(found.size() == 1, "expected one " + code + " in " + problems.all());
        return found.get(0);
    }

    static boolean has(Problems problems, String code) {
        return problems.all().stream().anyMatch(p -> p.code().equals(code));
    }
}
