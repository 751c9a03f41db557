package vitrina.generator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.build.Build;
import vitrina.generator.build.BuildOptions;
import vitrina.generator.build.BuildReport;
import vitrina.generator.preview.PreviewServer;
import vitrina.generator.preview.SiteWatcher;

/** {@code vitrina serve}: preview of site-output on 127.0.0.1; with --watch rebuilds on every change and reloads. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Показать собранный сайт в браузере (только на этом компьютере, 127.0.0.1).",
                "С --build сначала собирает сайт; с --watch следит за content/ и темой, пересобирает изменённое",
                "и сам обновляет открытые страницы; --stand ID собирает только один стенд (быстрый просмотр школы)."})
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

    @Option(names = "--watch", description = "Собрать сайт, следить за изменениями в content/ и теме, пересобирать "
            + "и обновлять страницы в браузере.")
    boolean watch;

    @Option(names = "--stand", paramLabel = "ID", description = "Собрать и показать только этот стенд (с каталогом из "
            + "него одного), без модерации; сайт собирается в .vitrina/preview-ID/.")
    String stand;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        BuildOptions base = content.toBuildOptions(null);
        if (stand != null) {
            Path dir = base.workDir().resolve("preview-" + stand);
            base = new BuildOptions(base.contentDir(), dir.resolve("site"), base.defaultTheme(), base.themeDir(),
                    dir.resolve("work"), base.clock(), null).withOnlyStand(stand);
        }
        BuildOptions options = base;
        if (build || watch || stand != null) {
            BuildReport report = build(options, out);
            if (report.fatal() && !watch) {
                return report.exitCode();
            }
        }
        if (!Files.isDirectory(options.outDir())) {
            spec.commandLine().getErr().println("Папка сайта " + options.outDir().toAbsolutePath()
                    + " не найдена. Соберите сайт: vitrina build (или vitrina serve --build).");
            return 3;
        }
        try (PreviewServer server = PreviewServer.start(options.outDir(), port).liveReload(watch)) {
            SiteWatcher watcher = !watch ? null : SiteWatcher.start(watched(options), 300, () -> {
                out.println("Изменения найдены, пересборка…");
                build(options, out);
                server.reload();
            });
            out.println("Сайт доступен по адресу " + server.url() + (stand == null ? "" : "stands/" + stand + "/")
                    + " — остановить: Ctrl+C" + (watch ? "; изменения подхватываются сами" : ""));
            out.flush();
            try {
                new CountDownLatch(1).await();
            } finally {
                if (watcher != null) {
                    watcher.close();
                }
            }
        }
        return 0;
    }

    private static List<Path> watched(BuildOptions o) {
        return o.themeDir() == null ? List.of(o.contentDir(), o.defaultTheme())
                : List.of(o.contentDir(), o.themeDir(), o.defaultTheme());
    }

    private static synchronized BuildReport build(BuildOptions options, java.io.PrintWriter out) {
        ProgressBar bar = new ProgressBar(out, Main.interactive());
        BuildReport report = new Build(options.withProgress(bar)).run();
        bar.finishLine();
        ProblemPrinter printer = new ProblemPrinter(out);
        printer.printProblems(report);
        printer.printSummary(report, "Сборка");
        out.flush();
        return report;
    }
}
