package vitrina.generator.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vitrina daemon}: whether a work folder's build daemon runs; {@code --stop} stops it. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Показать, работает ли фоновый процесс сборки (vitrina build --daemon) для рабочей папки;",
                "с --stop — остановить его."})
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-output",
            description = "Папка сайта (рабочая папка по умолчанию — .vitrina рядом с ней).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "Рабочая папка сборки.")
    Path work;

    @Option(names = "--stop", description = "Остановить фоновый процесс.")
    boolean stop;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        Path dir = ContentOptions.workDir(out, work).toAbsolutePath().normalize();
        Optional<BuildDaemon.Info> info = BuildDaemon.Info.running(dir);
        if (info.isEmpty()) {
            o.println("Фоновый процесс сборки для " + dir + " не запущен.");
            return 0;
        }
        if (!stop) {
            o.println("Фоновый процесс сборки для " + dir + " работает: процесс " + info.get().pid()
                    + ", журнал " + dir.resolve(BuildDaemon.LOG) + ".");
            return 0;
        }
        if (DaemonClient.stop(info.get())) {
            o.println("Фоновый процесс сборки для " + dir + " остановится (сразу или по окончании идущей сборки).");
            return 0;
        }
        spec.commandLine().getErr().println("vitrina: фоновый процесс " + info.get().pid() + " не ответил; "
                + "его можно завершить средствами системы.");
        return 3;
    }
}
