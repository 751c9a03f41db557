package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

class ColourTest {
    @TempDir
    Path dir;

    private BufferedImage processAndRead(String name, byte[] bytes) throws IOException {
        Path source = Files.write(dir.resolve(name), bytes);
        List<Problem> problems = new ArrayList<>();
        ImageSet set = new ImageProcessor(dir.resolve("cache")).process(source, "c", name, problems::add).orElseThrow();
        assertEquals(List.of(), problems);
        assertTrue(set.largest().fileName().endsWith(".jpg"));
        return ImageIO.read(set.largest().file().toFile());
    }

    @Test
    void cmykJpegFromPrintIsConvertedToSrgb() throws IOException {
        byte[] cmyk = cmykJpeg(400, 200);
        assertEquals(4, frameComponents(cmyk), "the source really is a four-channel JPEG");

        BufferedImage out = processAndRead("print.jpg", cmyk);

        assertEquals(400, out.getWidth());
        Color left = new Color(out.getRGB(100, 100));
        Color right = new Color(out.getRGB(300, 100));
        assertTrue(left.getRed() < 90 && left.getGreen() > 120 && left.getBlue() > 170, "cyan: " + left);
        assertTrue(right.getRed() > 180 && right.getGreen() < 90 && right.getBlue() < 90, "red: " + right);
    }

    @Test
    void greyJpegKeepsItsToneInsteadOfBeingLightened() throws IOException {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 300, 200);
        g.dispose();

        BufferedImage out = processAndRead("grey.jpg", TestImages.jpeg(grey));

        Color c = new Color(out.getRGB(150, 100));
        assertTrue(Math.abs(c.getRed() - 128) <= 3 && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue(),
                c.toString());
    }

    @Test
    void jpegWithAdobeRgbProfileIsConvertedToSrgbAndLosesTheProfile() throws IOException {
        BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(60, 160, 60));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        ICC_Profile adobe = ((ICC_ColorSpace) ColorSpaces.getColorSpace(ColorSpaces.CS_ADOBE_RGB_1998)).getProfile();
        byte[] tagged = withIccProfile(TestImages.jpeg(flat), adobe.getData());
        float[] expected = ColorSpaces.getColorSpace(ColorSpaces.CS_ADOBE_RGB_1998)
                .toRGB(new float[] {60 / 255f, 160 / 255f, 60 / 255f});

        BufferedImage out = processAndRead("adobe.jpg", tagged);

        Color c = new Color(out.getRGB(150, 100));
        // Read as if sRGB it would stay about (60, 160, 60); converted it becomes about (0, 161, 46).
        assertTrue(Math.abs(c.getGreen() - Math.round(expected[1] * 255)) <= 6
                && Math.abs(c.getBlue() - Math.round(expected[2] * 255)) <= 6
                && c.getRed() < 20, "converted from Adobe RGB: " + c + " expected about "
                + java.util.Arrays.toString(expected));
    }

    /** Inserts an APP2 ICC_PROFILE segment right after SOI. */
    private static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        java.nio.ByteBuffer app2 = java.nio.ByteBuffer.allocate(4 + 14 + profile.length);
        app2.put((byte) 0xFF).put((byte) 0xE2).putShort((short) (2 + 14 + profile.length));
        app2.put("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 1);
        app2.put(profile);
        int at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return TestImages.splice(jpeg, at, app2.array());
    }

    /** Cyan left half, red (M+Y) right half, written by the TwelveMonkeys JPEG writer. */
    private static byte[] cmykJpeg(int width, int height) throws IOException {
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 255, 255, 0});
            }
        }
        BufferedImage image = new BufferedImage(model, raster, false, null);
        ImageWriter writer = twelveMonkeysJpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    private static ImageWriter twelveMonkeysJpegWriter() {
        ImageIO.scanForPlugins();
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.twelvemonkeys")) {
                return w;
            }
        }
        throw new AssertionError("TwelveMonkeys JPEG writer is not on the test class path");
    }

    /** Number of colour components in the first SOF segment. */
    private static int frameComponents(byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && marker >= 0xC0 && marker <= 0xC2) {
                return jpeg[i + 9] & 0xFF;
            }
        }
        return -1;
    }
}
