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
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Формат вывода: ${COMPLETION-CANDIDATES} (по умолчанию: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        BuildReport report = new Build(content.toBuildOptions(null)).check();
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
