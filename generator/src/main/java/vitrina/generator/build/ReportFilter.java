package vitrina.generator.build;

import java.util.List;
import vitrina.generator.problem.Problem;

/** Narrows a report to one stand (and site-wide files), for {@code vitrina check --stand <id>} in a school's CI. */
public final class ReportFilter {
    private ReportFilter() {
    }

    public static BuildReport forStand(BuildReport r, String standId) {
        String prefix = "stands/" + standId + "/";
        List<Problem> problems = r.problems().stream()
                .filter(p -> standId.equals(p.standId()) || p.file().startsWith(prefix)
                        || (p.standId() == null && !p.file().startsWith("stands/")))
                .toList();
        int errors = (int) problems.stream().filter(Problem::isError).count();
        return new BuildReport(r.fatal(), r.published().stream().filter(standId::equals).toList(),
                r.leftOut().stream().filter(l -> l.folder().equals(standId)).toList(), problems, errors,
                problems.size() - errors, r.stages(), r.manifest(), r.diff());
    }
}
