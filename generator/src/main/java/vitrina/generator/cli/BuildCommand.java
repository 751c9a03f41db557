package vitrina.generator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.build.Build;
import vitrina.generator.build.BuildReport;

/** {@code vitrina build}: content → site-output, atomically. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Собрать сайт выставки из папки содержимого.",
                "Стенды с ошибками не публикуются, остальные публикуются; отчёт сборки пишется рядом с сайтом",
                "(.vitrina/report/build-report.txt и .json), а не на сайт."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content;

    @Option(names = {"-q", "--quiet"}, description = "Не показывать ход сборки.")
    boolean quiet;

    @Option(names = "--precompress", description = "Положить рядом с каждым текстовым файлом сжатую копию .gz "
            + "(для gzip_static в nginx).")
    boolean precompress;

    @Option(names = DaemonClient.OPTION, description = "Собирать в фоновом процессе, который остаётся после сборки "
            + "(по одному на рабочую папку) и ускоряет следующие сборки; результат тот же. Процесс завершается сам "
            + "через 3 часа простоя или после обновления Vitrina; остановить: vitrina daemon --stop. "
            + "То же — переменная окружения VITRINA_DAEMON=1.")
    boolean daemon; // read by Main before the command runs: here only so that the option is known

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(out, Main.interactive());
        BuildReport report = new Build(content.toBuildOptions(quiet ? null : bar).withPrecompress(precompress)).run();
        bar.finishLine();
        ProblemPrinter printer = new ProblemPrinter(out);
        printer.printProblems(report);
        printer.printSummary(report, "Сборка");
        if (!report.fatal()) {
            out.println("Сайт: " + content.out.toAbsolutePath().normalize());
        }
        return report.exitCode();
    }
}
