package vitrina.generator.images;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the header first (refusing pixel bombs before any pixel is decoded), then decodes the first frame,
 * subsampled as the plan allows, into an sRGB {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image.
 */
final class SourceDecoder {
    static {
        // Make sure the TwelveMonkeys readers (CMYK JPEG, WebP, TIFF) are registered whatever the class loader.
        ImageIO.scanForPlugins();
    }

    /** The decoded first frame, its plan and whether it has any pixel that is not fully opaque. */
    record Decoded(BufferedImage image, VariantPlan plan, boolean alpha) {
    }

    private SourceDecoder() {
    }

    static Decoded decode(Path source, ImageLimits limits, int orientation) throws ImageRefusal {
        int width = 0;
        int height = 0;
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            ImageReader reader = readerFor(in);
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw ImageRefusal.corrupt("размер " + width + "×" + height);
                }
                if ((long) width * height > limits.maxPixels()) {
                    throw ImageRefusal.tooManyPixels(width, height, limits.maxPixels());
                }
                VariantPlan plan = VariantPlan.of(width, height, orientation, limits.widths());
                ImageReadParam param = reader.getDefaultReadParam();
                if (plan.subsampling() > 1) {
                    param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                BufferedImage raw = reader.read(0, param);
                for (String warning : warnings) {
                    if (meansTruncated(warning)) {
                        throw ImageRefusal.corrupt("файл обрывается раньше конца изображения");
                    }
                }
                boolean alpha = hasRealAlpha(raw);
                return new Decoded(toSrgb(raw, alpha), plan, alpha);
            } finally {
                reader.dispose();
            }
        } catch (ImageRefusal refusal) {
            throw refusal;
        } catch (OutOfMemoryError e) {
            throw ImageRefusal.outOfMemory(width, height);
        } catch (StackOverflowError e) {
            throw ImageRefusal.corrupt("слишком глубокая структура файла");
        } catch (IOException | RuntimeException e) {
            // ImageIO plugins throw all sorts of unchecked exceptions on malformed input.
            throw ImageRefusal.corrupt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static ImageReader readerFor(ImageInputStream in) throws ImageRefusal {
        if (in == null) {
            throw ImageRefusal.corrupt("");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw ImageRefusal.corrupt("нет подходящего декодера");
        }
        return readers.next();
    }

    private static boolean meansTruncated(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("premature end") || w.contains("truncated") || w.contains("unexpected end");
    }

    private static boolean hasRealAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Converts any colour model (ICC profiles, CMYK already converted by the reader, grey, palette) to sRGB. */
    static BufferedImage toSrgb(BufferedImage image, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            // Grey is copied as sRGB grey (what browsers show), not run through the linear grey profile.
            Graphics2D g = out.createGraphics();
            try {
                g.setComposite(AlphaComposite.Src);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        } else {
            new ColorConvertOp(null).filter(image, out);
        }
        return out;
    }
}
