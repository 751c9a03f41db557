package vitrina.generator.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the content stage loaded: settings, publishable stands (sorted by id) and static pages (sorted by
 * order, then slug).
 */
public record Exhibition(SiteConfig site, List<Stand> stands, List<StaticPage> pages) {
    public Exhibition {
        Objects.requireNonNull(site, "site");
        stands = List.copyOf(stands);
        pages = List.copyOf(pages);
    }
}
