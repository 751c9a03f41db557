package vitrina.generator.content;

import java.nio.file.Path;
import java.time.Clock;
import vitrina.generator.problem.Problems;

/**
 * Loads a content folder: site.yaml, pages/, stands/ and moderation.yaml. Every mistake becomes a {@code Problem};
 * a stand with an error is left out of {@link LoadResult#exhibition()} and listed in {@link LoadResult#leftOut()}.
 */
public final class ContentLoader {
    private final Clock clock;

    /** @param clock gives the current year for the "at least 5 years" rule when site.yaml has no exposition dates */
    public ContentLoader(Clock clock) {
        this.clock = clock;
    }

    public LoadResult load(Path contentDir, Problems problems) {
        throw new UnsupportedOperationException("not yet written");
    }
}
