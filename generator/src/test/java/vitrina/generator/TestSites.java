package vitrina.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import vitrina.generator.build.Build;
import vitrina.generator.build.BuildOptions;
import vitrina.generator.build.BuildReport;

/** Paths of the project's real parts (demo content, default theme, fixtures) and a one-line build for tests. */
public final class TestSites {
    /** Fixed "now" for validation rules that depend on the year. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneId.of("Europe/Moscow"));

    private TestSites() {
    }

    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("themes")) ? p : p.getParent();
    }

    public static Path demoContent() {
        return projectRoot().resolve("content");
    }

    public static Path defaultTheme() {
        return projectRoot().resolve("themes/default");
    }

    public static Path fixture(String name) {
        return projectRoot().resolve("generator/src/test/resources/sites").resolve(name);
    }

    public static BuildOptions options(Path content, Path dir) {
        return new BuildOptions(content, dir.resolve("site-output"), defaultTheme(), null, dir.resolve(".vitrina"),
                CLOCK, null);
    }

    public static BuildReport build(Path content, Path dir) {
        return new Build(options(content, dir)).run();
    }

    /** Copies a fixture site into a temp folder so a test can break or edit it. */
    public static Path copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
