package vitrina.generator.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

/**
 * Turns one photo into published variants, cached by content hash under a cache folder. Thread-safe.
 *
 * <p>Order of work: size limit, format sniffing (HEIC, AVIF, SVG… are refused by their first bytes, whatever
 * the extension), content hash, cache lookup (a hit decodes nothing), EXIF orientation, header check against
 * the pixel limit, subsampled decode, resize and encode without metadata, atomic cache store.
 */
public final class ImageProcessor {
    /** At most one full-size decoded picture per core, however many threads call in. */
    private static final Semaphore DECODE_PERMITS =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final ImageCache cache;
    private final ImageLimits limits;
    private final AtomicInteger decodes = new AtomicInteger();

    public ImageProcessor(Path cacheDir) {
        this(cacheDir, ImageLimits.DEFAULTS);
    }

    public ImageProcessor(Path cacheDir, ImageLimits limits) {
        this.cache = new ImageCache(Objects.requireNonNull(cacheDir, "cacheDir"));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImageLimits limits() {
        return limits;
    }

    /**
     * @param source   the photo on disk
     * @param baseName URL-safe base name for the variants (e.g. {@code 01} gives {@code 01.<hash>.<w>.jpg})
     * @param file     content-relative path for problems
     * @param problems receives a problem when the image is refused (corrupt, too many pixels, unsupported)
     * @return the variants, or empty when the image was refused
     */
    public Optional<ImageSet> process(Path source, String baseName, String file, Consumer<Problem> problems) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problems, "problems");
        try {
            String hash = hashChecked(source);
            ImageCache.Entry entry = cache.find(hash).orElse(null);
            if (entry == null) {
                entry = make(source, hash);
            }
            return Optional.of(toImageSet(entry, baseName, hash));
        } catch (ImageRefusal refusal) {
            problems.accept(refusal.toProblem(file));
            return Optional.empty();
        }
    }

    /** How many sources this processor has decoded (cache hits decode nothing). */
    int decodeCount() {
        return decodes.get();
    }

    private String hashChecked(Path source) throws ImageRefusal {
        try {
            long size = Files.size(source);
            if (size > limits.maxBytes()) {
                throw ImageRefusal.tooLarge(size, limits.maxBytes());
            }
            if (size == 0) {
                throw ImageRefusal.corrupt("пустой файл");
            }
            SourceFormat format = SourceFormat.sniff(head(source));
            if (format == SourceFormat.HEIC) {
                throw ImageRefusal.heic();
            }
            if (!format.readable()) {
                throw ImageRefusal.unsupported(format);
            }
            return ContentHash.of(source, limits.settingsKey());
        } catch (IOException e) {
            throw ImageRefusal.unreadable(e);
        }
    }

    private ImageCache.Entry make(Path source, String hash) throws ImageRefusal {
        int orientation = Orientation.read(source);
        List<VariantEncoder.Encoded> variants;
        boolean alpha;
        DECODE_PERMITS.acquireUninterruptibly();
        try {
            decodes.incrementAndGet();
            SourceDecoder.Decoded decoded = SourceDecoder.decode(source, limits, orientation);
            alpha = decoded.alpha();
            variants = VariantEncoder.encode(decoded, orientation, limits.jpegQuality());
        } catch (IOException | RuntimeException e) {
            throw ImageRefusal.corrupt(String.valueOf(e.getMessage()));
        } catch (OutOfMemoryError e) {
            throw ImageRefusal.outOfMemory(0, 0);
        } finally {
            DECODE_PERMITS.release();
        }
        try {
            return cache.store(hash, VariantEncoder.extension(alpha), variants);
        } catch (IOException e) {
            throw ImageRefusal.writeFailed(e);
        }
    }

    private static ImageSet toImageSet(ImageCache.Entry entry, String baseName, String hash) {
        String prefix = baseName + "." + ContentHash.short8(hash) + ".";
        List<ImageSet.Variant> variants = new ArrayList<>();
        for (ImageCache.Item item : entry.items()) {
            variants.add(new ImageSet.Variant(item.width(), item.height(),
                    prefix + item.width() + "." + entry.extension(), item.file()));
        }
        ImageSet.Variant largest = variants.get(variants.size() - 1);
        return new ImageSet(largest.width(), largest.height(), variants);
    }

    private static byte[] head(Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return in.readNBytes(SourceFormat.HEAD_BYTES);
        }
    }
}
