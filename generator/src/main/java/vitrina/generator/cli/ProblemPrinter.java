package vitrina.generator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import vitrina.generator.build.BuildReport;
import vitrina.generator.build.ReportJson;
import vitrina.generator.problem.Problem;

/** Prints problems editor-clickable ({@code file:line:col}) and the closing summary in Russian. */
final class ProblemPrinter {
    private static final int SHOWN = 200;

    private final PrintWriter out;

    ProblemPrinter(PrintWriter out) {
        this.out = out;
    }

    void printProblems(BuildReport report) {
        int shown = 0;
        for (Problem p : report.problems()) {
            if (shown++ == SHOWN) {
                out.println("… и ещё " + (report.problems().size() - SHOWN) + " — полный список в отчёте сборки");
                break;
            }
            out.println(p);
        }
        if (!report.leftOut().isEmpty()) {
            out.println();
            out.println("Не опубликованы:");
            report.leftOut().forEach(l -> out.println("  " + l.folder() + " — " + l.reason()));
        }
    }

    void printJson(BuildReport report) {
        out.print(ReportJson.toJson(report));
        out.flush();
    }

    void printSummary(BuildReport report, String verb) {
        out.println();
        if (report.fatal()) {
            out.println(verb + " невозможна: исправьте ошибки выше. Прежний сайт не изменён.");
        }
        out.printf("Стендов опубликовано: %d, не опубликовано: %d. Ошибок: %d, предупреждений: %d. Время: %s.%n",
                report.published().size(), report.leftOut().size(), report.errors(), report.warnings(),
                seconds(report.total()));
        if (!report.stages().isEmpty()) {
            out.println("Этапы: " + report.stages().entrySet().stream()
                    .map(e -> e.getKey() + " " + seconds(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(" · ")));
        }
        if (report.diff() != null) {
            out.printf("Файлов на сайте: %d (%s); по сравнению с прошлой сборкой: добавлено %d, изменено %d, удалено %d.%n",
                    report.manifest().files().size(), megabytes(report.manifest().totalBytes()),
                    report.diff().count("added"), report.diff().count("changed"), report.diff().count("deleted"));
        }
        out.flush();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f с", d.toMillis() / 1000.0).replace('.', ',');
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f МБ", bytes / 1048576.0).replace('.', ',');
    }
}
