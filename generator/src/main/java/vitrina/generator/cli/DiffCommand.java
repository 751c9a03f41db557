package vitrina.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vitrina.generator.output.ManifestJson;
import vitrina.generator.output.OutputManifest;

/** {@code vitrina diff}: the files added, changed and deleted by the last build, for a CDN upload and purge. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Показать файлы сайта, добавленные, изменённые и удалённые последней сборкой",
                "(по манифестам .vitrina/report/manifest.previous.json и manifest.json): что загрузить в CDN",
                "и что сбросить из его кэша."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = ".vitrina",
            description = "Папка кэша и отчётов сборки (по умолчанию: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--from", paramLabel = "FILE", description = "Манифест прежней сборки (вместо manifest.previous.json).")
    Path from;

    @Option(names = "--to", paramLabel = "FILE", description = "Манифест новой сборки (вместо manifest.json).")
    Path to;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Формат вывода: text (строки «+ путь», «~ путь», «- путь») или json.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path newer = to != null ? to : work.resolve("report/manifest.json");
        Path older = from != null ? from : work.resolve("report/manifest.previous.json");
        if (!Files.isRegularFile(newer)) {
            spec.commandLine().getErr().println("Нет манифеста сборки " + newer
                    + ". Сначала соберите сайт: vitrina build (или укажите --work / --to).");
            return 2;
        }
        if (!format.equals("text") && !format.equals("json")) {
            spec.commandLine().getErr().println("Неизвестный формат «" + format + "»: укажите --format text или json.");
            return 2;
        }
        OutputManifest.Diff diff = ManifestJson.read(newer).diff(ManifestJson.read(older));
        out.print(format.equals("json") ? json(diff) : text(diff));
        out.flush();
        return 0;
    }

    static String text(OutputManifest.Diff diff) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : diff.changes().entrySet()) {
            sb.append(switch (e.getValue()) {
                case "added" -> "+ ";
                case "deleted" -> "- ";
                default -> "~ ";
            }).append(e.getKey()).append('\n');
        }
        return sb.toString();
    }

    static String json(OutputManifest.Diff diff) {
        StringBuilder sb = new StringBuilder("{");
        String[] kinds = {"added", "changed", "deleted"};
        for (int k = 0; k < kinds.length; k++) {
            sb.append(k == 0 ? "" : ",").append('"').append(kinds[k]).append("\":[");
            boolean first = true;
            for (Map.Entry<String, String> e : diff.changes().entrySet()) {
                if (e.getValue().equals(kinds[k])) {
                    sb.append(first ? "" : ",").append('"').append(e.getKey().replace("\\", "\\\\")
                            .replace("\"", "\\\"")).append('"');
                    first = false;
                }
            }
            sb.append(']');
        }
        return sb.append("}\n").toString();
    }
}
