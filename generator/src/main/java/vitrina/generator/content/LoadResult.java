package vitrina.generator.content;

import java.util.List;
import vitrina.generator.model.Exhibition;

/**
 * What the content stage loaded.
 *
 * @param exhibition settings, publishable stands and pages; null when site.yaml itself is unusable (fatal)
 * @param leftOut    stand folders that were not published, with the reason, sorted by folder
 */
public record LoadResult(Exhibition exhibition, List<LeftOut> leftOut) {
    public LoadResult {
        leftOut = List.copyOf(leftOut);
    }

    /** A stand folder that is not on the site, and why (in Russian: «ошибки в stand.yaml», «не одобрен»...). */
    public record LeftOut(String folder, String reason) {
    }
}
