package vitrina.generator.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The published variants of one photo, smallest first.
 *
 * @param width    width of the largest variant, pixels (after EXIF orientation)
 * @param height   height of the largest variant
 * @param variants the variants, ascending by width
 */
public record ImageSet(int width, int height, List<Variant> variants) {
    public ImageSet {
        variants = List.copyOf(variants);
    }

    public Variant largest() {
        return variants.get(variants.size() - 1);
    }

    /**
     * One resized, metadata-free file.
     *
     * @param width    pixels
     * @param height   pixels
     * @param fileName content-hashed file name, e.g. {@code 01.3f9a2c1e.640.jpg}
     * @param file     the file in the image cache, to be copied into the output
     */
    public record Variant(int width, int height, String fileName, Path file) {
    }
}
