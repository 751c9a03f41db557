package vitrina.generator.build;

import vitrina.generator.model.JsonText;

import java.util.Iterator;
import java.util.List;
import vitrina.generator.content.LoadResult;
import vitrina.generator.problem.Problem;

/** The machine-readable report of a build or check: for CI annotations and organizers' tools. */
public final class ReportJson {
    private ReportJson() {
    }

    public static String toJson(BuildReport r) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"fatal\": ").append(r.fatal()).append(",\n");
        sb.append("  \"exitCode\": ").append(r.exitCode()).append(",\n");
        sb.append("  \"errors\": ").append(r.errors()).append(",\n");
        sb.append("  \"warnings\": ").append(r.warnings()).append(",\n");
        sb.append("  \"published\": [");
        join(sb, r.published().iterator(), JsonText::quote);
        sb.append("],\n  \"leftOut\": [");
        join(sb, r.leftOut().iterator(), ReportJson::leftOut);
        sb.append("],\n  \"problems\": [");
        join(sb, r.problems().iterator(), ReportJson::problem);
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static String leftOut(LoadResult.LeftOut l) {
        return "{\"folder\": " + JsonText.quote(l.folder()) + ", \"reason\": " + JsonText.quote(l.reason()) + "}";
    }

    static String problem(Problem p) {
        return "\n    {\"file\": " + JsonText.quote(p.file()) + ", \"line\": " + p.line() + ", \"column\": " + p.column()
                + ", \"severity\": " + JsonText.quote(p.severity().name().toLowerCase(java.util.Locale.ROOT))
                + ", \"code\": " + JsonText.quote(p.code()) + ", \"stand\": " + JsonText.quote(p.standId())
                + ", \"message\": " + JsonText.quote(p.message()) + ", \"hint\": " + JsonText.quote(p.hint()) + "}";
    }

    private static <T> void join(StringBuilder sb, Iterator<T> it, java.util.function.Function<T, String> f) {
        while (it.hasNext()) {
            sb.append(f.apply(it.next()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
    }

    /** Plain-text report: the summary, then every problem as {@code file:line:col: severity: message → hint}. */
    public static String toText(BuildReport r) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : r.problems()) {
            sb.append(p).append('\n');
        }
        if (!r.leftOut().isEmpty()) {
            sb.append("\nНе опубликованы:\n");
            for (LoadResult.LeftOut l : r.leftOut()) {
                sb.append("  ").append(l.folder()).append(" — ").append(l.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
