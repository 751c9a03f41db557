package vitrina.generator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: prints usage; the work is done by the subcommands. */
@Command(name = "vitrina", mixinStandardHelpOptions = true, version = "Vitrina 0.1.0",
        description = "Генератор сайта электронной выставки: стенды организаций, каталог, поиск, голосование.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, DiffCommand.class, IngestCommand.class,
                DaemonCommand.class,
                ModerateCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Коды выхода: 0 — без ошибок, 1 — есть ошибки в содержимом (такие стенды не опубликованы),",
                "2 — неверные параметры, 3 — сборка невозможна (прежний сайт не тронут)."})
final class VitrinaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
