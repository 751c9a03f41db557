package vitrina.generator.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The EXIF Orientation tag (1..8) and how to turn pixels so the picture stands the way the camera saw it. */
final class Orientation {
    static final int NORMAL = 1;

    private Orientation() {
    }

    /** Reads the tag with metadata-extractor; anything unreadable counts as {@link #NORMAL}. */
    static int read(Path source) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source))) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer value = dir.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (value != null && value >= 1 && value <= 8) {
                    return value;
                }
            }
        } catch (Exception | StackOverflowError e) {
            // Broken or hostile metadata: the pixels may still be fine, so show the photo as stored.
        }
        return NORMAL;
    }

    /** Orientations 5..8 turn the picture by a quarter, so width and height trade places. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** Returns a new image of the same type with the orientation applied (or the same image for 1). */
    static BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = swapsAxes(orientation);
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; } // 8
                }
                out[ty * ow + tx] = in[y * w + x];
            }
        }
        BufferedImage result = new BufferedImage(ow, oh, src.getType());
        result.setRGB(0, 0, ow, oh, out, 0, ow);
        return result;
    }
}
