package vitrina.generator.images;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

/**
 * Turns one photo into published variants, cached by content hash under a cache folder. Thread-safe.
 */
public final class ImageProcessor {
    private final Path cacheDir;

    public ImageProcessor(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * @param source   the photo on disk
     * @param baseName URL-safe base name for the variants (e.g. {@code 01} gives {@code 01.<hash>.<w>.jpg})
     * @param file     content-relative path for problems
     * @param problems receives a problem when the image is refused (corrupt, too many pixels, unsupported)
     * @return the variants, or empty when the image was refused
     */
    public Optional<ImageSet> process(Path source, String baseName, String file, Consumer<Problem> problems) {
        throw new UnsupportedOperationException("not yet written");
    }
}
