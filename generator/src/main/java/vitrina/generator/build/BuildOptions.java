package vitrina.generator.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What to build and where.
 *
 * @param contentDir   the content folder (site.yaml, stands/, pages/)
 * @param outDir       the site folder to replace atomically
 * @param defaultTheme the default theme folder (themes/default)
 * @param themeDir     a site theme folder overriding single templates/assets, or null (site.yaml {@code theme:} then applies)
 * @param workDir      build cache and reports, beside the output (never published), e.g. {@code .vitrina}
 * @param clock        for the "founded at least 5 years ago" rule only; pages never show the build time
 * @param progress     receives stage progress
 * @param votes        the voting service's export: a file path or an http(s) URL; null uses
 *                     {@code content/evaluation/votes.json} when it exists
 * @param precompress  also write a {@code .gz} sibling of every text file (for {@code gzip_static})
 * @param onlyStand    build only this stand (plus listings), for a school's quick preview; null builds all
 */
public record BuildOptions(Path contentDir, Path outDir, Path defaultTheme, Path themeDir, Path workDir, Clock clock,
                           Progress progress, String votes, boolean precompress, String onlyStand) {

    public BuildOptions(Path contentDir, Path outDir, Path defaultTheme, Path themeDir, Path workDir, Clock clock,
                        Progress progress) {
        this(contentDir, outDir, defaultTheme, themeDir, workDir, clock, progress, null, false, null);
    }

    /** The same options with {@code --votes} set (a file path or an http(s) URL; null for the default). */
    public BuildOptions withVotes(String votesFileOrUrl) {
        return new BuildOptions(contentDir, outDir, defaultTheme, themeDir, workDir, clock, progress, votesFileOrUrl,
                precompress, onlyStand);
    }

    public BuildOptions withPrecompress(boolean on) {
        return new BuildOptions(contentDir, outDir, defaultTheme, themeDir, workDir, clock, progress, votes, on, onlyStand);
    }

    public BuildOptions withOnlyStand(String id) {
        return new BuildOptions(contentDir, outDir, defaultTheme, themeDir, workDir, clock, progress, votes, precompress, id);
    }

    public BuildOptions withProgress(Progress p) {
        return new BuildOptions(contentDir, outDir, defaultTheme, themeDir, workDir, clock, p, votes, precompress, onlyStand);
    }

    public BuildOptions {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(defaultTheme, "defaultTheme");
        Objects.requireNonNull(workDir, "workDir");
        clock = clock == null ? Clock.systemDefaultZone() : clock;
        progress = progress == null ? Progress.SILENT : progress;
    }

    public Path cacheDir() {
        return workDir.resolve("cache");
    }

    public Path reportDir() {
        return workDir.resolve("report");
    }

    /** Receives the stage names and counts of a running build (the CLI draws a progress bar). */
    public interface Progress {
        Progress SILENT = new Progress() {
            @Override
            public void stage(String name, int total) {
            }

            @Override
            public void step() {
            }
        };

        /** A stage starts; {@code total} units of work follow (0 when unknown). */
        void stage(String name, int total);

        /** One unit of the current stage is done. Called from several threads. */
        void step();
    }
}
