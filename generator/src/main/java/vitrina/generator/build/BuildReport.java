package vitrina.generator.build;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import vitrina.generator.content.LoadResult;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.problem.Problem;

/**
 * The outcome of a build or a check.
 *
 * @param fatal      true when nothing could be built (site.yaml unusable, unexpected failure); the old site stays
 * @param published  ids of the stands on the site, sorted
 * @param leftOut    stand folders not published, with reasons
 * @param problems   every problem in reading order (capped)
 * @param errors     number of errors (including those past the cap)
 * @param warnings   number of warnings
 * @param stages     wall time of each stage in execution order
 * @param manifest   the files of the new site, or null for a check or a fatal build
 * @param diff       changes against the previous build's manifest, or null
 */
public record BuildReport(boolean fatal, List<String> published, List<LoadResult.LeftOut> leftOut,
                          List<Problem> problems, int errors, int warnings, Map<String, Duration> stages,
                          OutputManifest manifest, OutputManifest.Diff diff) {

    /** 0 no errors, 1 content errors (the stands concerned were left out), 3 fatal. (2 is picocli's usage error.) */
    public int exitCode() {
        if (fatal) {
            return 3;
        }
        return errors > 0 ? 1 : 0;
    }

    public Duration total() {
        return stages.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
