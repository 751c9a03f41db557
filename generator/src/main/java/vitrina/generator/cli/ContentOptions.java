package vitrina.generator.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import vitrina.generator.build.BuildOptions;

/** Options shared by build, check and serve: where content, theme and the work folder are. */
final class ContentOptions {
    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Папка с содержимым выставки (по умолчанию: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-output",
            description = "Куда собрать сайт (по умолчанию: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--theme", paramLabel = "DIR",
            description = "Папка темы сайта: её шаблоны и файлы заменяют одноимённые из темы по умолчанию.")
    Path theme;

    @Option(names = "--default-theme", paramLabel = "DIR",
            description = "Тема по умолчанию (по умолчанию: themes/default рядом с проектом).")
    Path defaultTheme;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Кэш сборки и отчёты, не публикуются (по умолчанию: .vitrina рядом с папкой сайта).")
    Path work;

    @Option(names = "--votes", paramLabel = "FILE|URL",
            description = "Итоги народного голосования (выгрузка сервиса голосования, JSON): файл или адрес http(s)."
                    + " По умолчанию — evaluation/votes.json в папке содержимого, если он есть.")
    String votes;

    BuildOptions toBuildOptions(BuildOptions.Progress progress) {
        return new BuildOptions(content, out, defaultTheme != null ? defaultTheme : findDefaultTheme(), theme,
                workDir(out, work), Clock.systemDefaultZone(), progress, votes, false, null);
    }

    /** The work folder: {@code work} when given, else {@code .vitrina} beside the site folder {@code out}. */
    static Path workDir(Path out, Path work) {
        return work != null ? work : out.toAbsolutePath().normalize().getParent().resolve(".vitrina");
    }

    /** themes/default in the working folder, else beside the jar (generator/target/vitrina.jar → ../../themes). */
    static Path findDefaultTheme() {
        Path here = Path.of("themes", "default");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(ContentOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                Path candidate = p.resolve("themes").resolve("default");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the relative default, reported as missing by the build
        }
        return here;
    }
}
