package vitrina.generator.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.build.Build;
import vitrina.generator.build.BuildReport;
import vitrina.generator.preview.PreviewServer;

/** {@code vitrina serve}: preview of site-output on 127.0.0.1, optionally building first. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Показать собранный сайт в браузере (только на этом компьютере, 127.0.0.1).",
                "С --build сначала собирает сайт."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Порт (по умолчанию: ${DEFAULT-VALUE}; 0 — любой свободный).")
    int port;

    @Option(names = "--build", description = "Сначала собрать сайт.")
    boolean build;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (build) {
            ProgressBar bar = new ProgressBar(out, System.console() != null);
            BuildReport report = new Build(content.toBuildOptions(bar)).run();
            bar.finishLine();
            ProblemPrinter printer = new ProblemPrinter(out);
            printer.printProblems(report);
            printer.printSummary(report, "Сборка");
            if (report.fatal()) {
                return report.exitCode();
            }
        }
        if (!Files.isDirectory(content.out)) {
            spec.commandLine().getErr().println("Папка сайта " + content.out.toAbsolutePath()
                    + " не найдена. Соберите сайт: vitrina build (или vitrina serve --build).");
            return 3;
        }
        try (PreviewServer server = PreviewServer.start(content.out, port)) {
            out.println("Сайт доступен по адресу " + server.url() + " — остановить: Ctrl+C");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
