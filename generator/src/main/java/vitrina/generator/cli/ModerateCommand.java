package vitrina.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.model.StandId;
import vitrina.generator.moderation.ModerationFile;
import vitrina.generator.moderation.SnapshotStore;

/** {@code vitrina moderate}: the organizers' moderation round from the command line. */
@Command(name = "moderate", mixinStandardHelpOptions = true,
        description = {"Модерация стендов: список по статусам, одобрение (закрепляет текущую версию),",
                "запрос доработки, отклонение, новый тур. Правит moderation.yaml, сохраняя комментарии."},
        subcommands = {ModerateCommand.ListStands.class, ModerateCommand.Approve.class,
                ModerateCommand.RequestChanges.class, ModerateCommand.Reject.class, ModerateCommand.Round.class})
final class ModerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Папка с содержимым выставки (по умолчанию: ${DEFAULT-VALUE}).")
    Path content;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ModerationFile file() {
        return ModerationFile.open(content.resolve("moderation.yaml"));
    }

    SnapshotStore store() {
        return new SnapshotStore(content.resolve(".snapshots"));
    }

    List<String> folders() throws java.io.IOException {
        Path stands = content.resolve("stands");
        if (!Files.isDirectory(stands)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(stands)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    Path standDir(String id) {
        Path dir = content.resolve("stands").resolve(id);
        if (!StandId.isValid(id) || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Стенд «" + id + "» не найден в " + content.resolve("stands"));
        }
        return dir;
    }

    @Command(name = "list", description = "Стенды по статусам; изменённые после одобрения — со списком изменений.")
    static final class ListStands implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModerateCommand parent;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = parent.spec.commandLine().getOut();
            Map<String, ModerationFile.Decision> decisions = parent.file().decisions();
            Map<String, List<String>> byStatus = new TreeMap<>();
            for (String id : parent.folders()) {
                ModerationFile.Decision d = decisions.get(id);
                String status = d == null || d.status() == null ? "pending" : d.status();
                String line = id;
                if ("approved".equals(status) && d.version() != null) {
                    SnapshotStore.Version now = SnapshotStore.versionOf(parent.content.resolve("stands").resolve(id));
                    if (!now.id().equals(d.version())) {
                        line += parent.store().find(id, d.version())
                                .map(v -> " — изменён после одобрения: " + now.changesSince(v).summary())
                                .orElse(" — изменён после одобрения (одобренной версии нет в хранилище)");
                    }
                }
                if (d != null && d.comment() != null) {
                    line += " — «" + d.comment() + "»";
                }
                byStatus.computeIfAbsent(status, k -> new java.util.ArrayList<>()).add(line);
            }
            Map<String, String> titles = Map.of("approved", "Одобрены", "changes-requested", "На доработке",
                    "rejected", "Отклонены", "pending", "Ожидают модерации");
            byStatus.forEach((status, ids) -> {
                out.println(titles.getOrDefault(status, status) + " (" + ids.size() + "):");
                ids.forEach(i -> out.println("  " + i));
            });
            return 0;
        }
    }

    @Command(name = "approve", description = "Одобрить стенды: текущая версия сохраняется и публикуется.")
    static final class Approve implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModerateCommand parent;

        @Parameters(arity = "1..*", paramLabel = "STAND")
        List<String> ids;

        @Override
        public Integer call() {
            ModerationFile file = parent.file();
            for (String id : ids) {
                SnapshotStore.Version v = parent.store().save(id, parent.standDir(id));
                file.set(id, new ModerationFile.Decision("approved", v.id(), null));
                parent.spec.commandLine().getOut().println("✓ " + id + " одобрен, версия " + v.id().substring(0, 19) + "…");
            }
            file.save();
            return 0;
        }
    }

    @Command(name = "request-changes", description = "Вернуть стенд на доработку с комментарием для школы.")
    static final class RequestChanges implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModerateCommand parent;

        @Parameters(index = "0", paramLabel = "STAND")
        String id;

        @Option(names = "--comment", required = true, description = "Что исправить (увидит школа).")
        String comment;

        @Override
        public Integer call() {
            parent.standDir(id);
            ModerationFile file = parent.file();
            ModerationFile.Decision old = file.decisions().get(id);
            String keep = old != null && "approved".equals(old.status()) ? old.version() : null;
            file.set(id, new ModerationFile.Decision("changes-requested", keep, comment)).save();
            parent.spec.commandLine().getOut().println("✓ " + id + " возвращён на доработку"
                    + (keep != null ? " (одобренная ранее версия остаётся на сайте)" : ""));
            return 0;
        }
    }

    @Command(name = "reject", description = "Отклонить стенд с комментарием.")
    static final class Reject implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModerateCommand parent;

        @Parameters(index = "0", paramLabel = "STAND")
        String id;

        @Option(names = "--comment", required = true, description = "Причина (увидит школа).")
        String comment;

        @Override
        public Integer call() {
            parent.standDir(id);
            parent.file().set(id, new ModerationFile.Decision("rejected", null, comment)).save();
            parent.spec.commandLine().getOut().println("✓ " + id + " отклонён");
            return 0;
        }
    }

    @Command(name = "round", description = "Начать новый тур модерации: увеличить номер тура и задать дату.")
    static final class Round implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ModerateCommand parent;

        @Option(names = "--date", required = true, description = "Дата тура, ГГГГ-ММ-ДД.")
        LocalDate date;

        @Override
        public Integer call() throws Exception {
            Path f = parent.content.resolve("moderation.yaml");
            int round = 0;
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f)) {
                    if (line.matches("round:\\s*\\d+.*")) {
                        round = Integer.parseInt(line.replaceAll("round:\\s*(\\d+).*", "$1"));
                    }
                }
            }
            parent.file().setRound(round + 1, date.toString()).save();
            parent.spec.commandLine().getOut().println("✓ Тур " + (round + 1) + " от " + date);
            return 0;
        }
    }
}
