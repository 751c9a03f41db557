package vitrina.generator.images;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Limits and settings for {@link ImageProcessor}.
 *
 * @param maxPixels   largest accepted source, width × height, checked from the header before decoding
 * @param maxBytes    largest accepted source file, bytes
 * @param widths      requested variant widths, pixels (sorted ascending, duplicates removed)
 * @param jpegQuality JPEG quality, 0..1
 */
public record ImageLimits(long maxPixels, long maxBytes, List<Integer> widths, float jpegQuality) {
    /** Bump when the way variants are made changes, so cached variants are rebuilt. */
    static final int SETTINGS_VERSION = 1;

    /** 50 megapixels, 40 MB, widths 320/640/1024/1600, quality 0.82. */
    public static final ImageLimits DEFAULTS =
            new ImageLimits(50_000_000L, 40L * 1024 * 1024, List.of(320, 640, 1024, 1600), 0.82f);

    public ImageLimits {
        Objects.requireNonNull(widths, "widths");
        if (maxPixels < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxPixels and maxBytes must be positive");
        }
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w < 1)) {
            throw new IllegalArgumentException("widths must be positive and not empty: " + widths);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1]: " + jpegQuality);
        }
        widths = widths.stream().distinct().sorted().collect(Collectors.toUnmodifiableList());
    }

    public ImageLimits withMaxPixels(long pixels) {
        return new ImageLimits(pixels, maxBytes, widths, jpegQuality);
    }

    public ImageLimits withWidths(List<Integer> newWidths) {
        return new ImageLimits(maxPixels, maxBytes, newWidths, jpegQuality);
    }

    int largestWidth() {
        return widths.get(widths.size() - 1);
    }

    /** Everything that changes the bytes of a variant; part of the content hash. */
    String settingsKey() {
        return "vitrina-images/v" + SETTINGS_VERSION + ";q=" + jpegQuality + ";w=" + widths;
    }
}
