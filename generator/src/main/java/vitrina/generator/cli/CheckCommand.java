package vitrina.generator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.build.Build;
import vitrina.generator.build.BuildReport;

/** {@code vitrina check}: validation only, nothing written; non-zero exit on errors (for schools' CI). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Проверить содержимое выставки без сборки сайта.",
                "Выход с кодом 1, если есть ошибки: подходит для проверки в Git (GitLab CI, GitHub Actions)."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, github, gitlab }

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Формат вывода: ${COMPLETION-CANDIDATES} (github — аннотации GitHub Actions, gitlab — отчёт Code Quality; по умолчанию: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--stand", paramLabel = "ID",
            description = "Проверить один стенд (и общие файлы выставки): для проверки изменений школы в Git.")
    String stand;

    @Option(names = "--path-prefix", paramLabel = "PREFIX", defaultValue = "content/",
            description = "Путь папки содержимого в репозитории для аннотаций github/gitlab (по умолчанию: ${DEFAULT-VALUE}).")
    String pathPrefix;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        BuildReport report = new Build(content.toBuildOptions(null)).check();
        if (stand != null) {
            if (!java.nio.file.Files.isDirectory(content.content.resolve("stands").resolve(stand))) {
                spec.commandLine().getErr().println("Стенд «" + stand + "» не найден в " + content.content.resolve("stands"));
                return 3;
            }
            report = vitrina.generator.build.ReportFilter.forStand(report, stand);
        }
        if (format == Format.github) {
            out.print(vitrina.generator.build.Annotations.github(report, pathPrefix));
            out.flush();
            return report.exitCode();
        }
        if (format == Format.gitlab) {
            out.print(vitrina.generator.build.Annotations.gitlab(report, pathPrefix));
            out.flush();
            return report.exitCode();
        }
        ProblemPrinter printer = new ProblemPrinter(out);
        if (format == Format.json) {
            printer.printJson(report);
        } else {
            printer.printProblems(report);
            printer.printSummary(report, "Проверка");
            if (report.exitCode() == 0) {
                out.println("Ошибок нет.");
            }
        }
        return report.exitCode();
    }
}
