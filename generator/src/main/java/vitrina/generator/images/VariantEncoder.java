package vitrina.generator.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.makers.FixedSizeThumbnailMaker;

/**
 * Resizes a decoded source into the planned variants, each from the previous larger one, applies the EXIF
 * orientation once (on the largest variant, where it is cheap), and encodes fresh files without any metadata:
 * baseline JPEG for opaque pictures, PNG for pictures with real transparency (logos keep their see-through
 * background instead of being flattened onto a colour that may not match the page).
 */
final class VariantEncoder {
    /** One encoded variant. */
    record Encoded(int width, int height, byte[] bytes) {
    }

    private VariantEncoder() {
    }

    static String extension(boolean alpha) {
        return alpha ? "png" : "jpg";
    }

    /** @return the variants, ascending by width */
    static List<Encoded> encode(SourceDecoder.Decoded decoded, int orientation, float quality) throws IOException {
        List<VariantPlan.Size> sizes = new ArrayList<>(decoded.plan().sizes());
        Collections.reverse(sizes);
        int type = decoded.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        List<Encoded> out = new ArrayList<>();
        BufferedImage previous = null;
        for (VariantPlan.Size size : sizes) {
            BufferedImage image;
            if (previous == null) {
                boolean swap = Orientation.swapsAxes(orientation);
                BufferedImage stored = resize(decoded.image(), swap ? size.height() : size.width(),
                        swap ? size.width() : size.height(), type);
                image = Orientation.apply(stored, orientation);
            } else {
                image = resize(previous, size.width(), size.height(), type);
            }
            out.add(new Encoded(size.width(), size.height(), decoded.alpha() ? png(image) : jpeg(image, quality)));
            previous = image;
        }
        Collections.reverse(out);
        return out;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height, int type) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        // Thumbnailator picks progressive bilinear steps for large reductions and plain bilinear otherwise.
        return new FixedSizeThumbnailMaker(width, height, false, true).imageType(type).make(image);
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return write(writer, image, writer.getDefaultWriteParam());
    }

    /** Writes with null metadata: the writer adds only what the format needs (JFIF header, PNG IHDR). */
    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
