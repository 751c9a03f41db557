package vitrina.generator.markdown;

import java.util.Optional;

/**
 * Resolves relative link targets written in a stand's Markdown ({@code files/План.pdf}, {@code gallery/01.jpg},
 * {@code methods.md}, {@code methods}) to published, root-relative URLs. Targets arrive URL-decoded, without a
 * fragment or query.
 */
public interface LinkResolver {
    Optional<String> link(String target);

    Optional<ImageRef> image(String target);

    /** A responsive image: {@code src} is the middle variant, {@code srcset} lists all variants. */
    record ImageRef(String src, String srcset, int width, int height) {
    }

    /** For static pages: nothing relative resolves. */
    static LinkResolver none() {
        return new LinkResolver() {
            @Override
            public Optional<String> link(String target) {
                return Optional.empty();
            }

            @Override
            public Optional<ImageRef> image(String target) {
                return Optional.empty();
            }
        };
    }
}
