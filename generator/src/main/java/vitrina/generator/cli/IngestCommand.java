package vitrina.generator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vitrina.generator.ingest.IngestLimits;
import vitrina.generator.ingest.IngestReport;
import vitrina.generator.ingest.UploadIngest;

/** {@code vitrina ingest <uploads>}: zips and folders dropped by schools become stand folders, safely. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Принять загруженные школами ZIP-архивы и папки в content/stands/.",
                "Опасные и повреждённые загрузки переносятся в карантин с отчётом; одобренные версии не затрагиваются."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "UPLOADS", description = "Папка загрузок.")
    Path uploads;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Папка с содержимым выставки (по умолчанию: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--quarantine", paramLabel = "DIR",
            description = "Куда переносить отклонённые загрузки (по умолчанию: quarantine рядом с папкой загрузок).")
    Path quarantine;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (!java.nio.file.Files.isDirectory(uploads)) {
            spec.commandLine().getErr().println("Папка загрузок " + uploads.toAbsolutePath() + " не найдена.");
            return 3;
        }
        Path q = quarantine != null ? quarantine : uploads.toAbsolutePath().getParent().resolve("quarantine");
        IngestReport report = new UploadIngest(IngestLimits.DEFAULT).ingest(uploads, content, q);
        for (IngestReport.Accepted a : report.accepted()) {
            out.println("✓ " + a.upload() + " → stands/" + a.standId() + "/ (" + a.files() + " файлов)");
            a.notes().forEach(n -> out.println("    " + n));
        }
        for (IngestReport.Rejected r : report.rejected()) {
            out.println("✗ " + r.upload() + ": " + r.message());
            out.println("    → " + r.hint());
        }
        out.printf("Принято: %d, в карантине: %d (%s). Проверьте принятые стенды: vitrina check --content %s%n",
                report.accepted().size(), report.rejected().size(), q, content);
        return report.rejected().isEmpty() ? 0 : 1;
    }
}
