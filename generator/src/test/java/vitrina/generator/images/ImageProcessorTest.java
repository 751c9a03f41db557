package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

class ImageProcessorTest {
    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private ImageSet process(ImageProcessor processor, Path source) {
        Optional<ImageSet> set = processor.process(source, "01", "stands/a/gallery/" + source.getFileName(), problems::add);
        assertEquals(List.of(), problems);
        return set.orElseThrow();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void makesAllRequestedWidthsAscendingForALargePhoto() throws IOException {
        Path source = write("big.jpg", TestImages.jpeg(TestImages.photo(2000, 1000, 7)));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(List.of(320, 640, 1024, 1600), set.variants().stream().map(ImageSet.Variant::width).toList());
        assertEquals(List.of(160, 320, 512, 800), set.variants().stream().map(ImageSet.Variant::height).toList());
        assertEquals(1600, set.width());
        assertEquals(800, set.height());
        for (ImageSet.Variant v : set.variants()) {
            assertTrue(v.fileName().matches("01\\.[0-9a-f]{8}\\." + v.width() + "\\.jpg"), v.fileName());
            BufferedImage read = ImageIO.read(v.file().toFile());
            assertEquals(v.width(), read.getWidth());
            assertEquals(v.height(), read.getHeight());
        }
    }

    @Test
    void neverUpscalesAndAddsTheSourceWidthWhenItIsSmallerThanTheLargest() throws IOException {
        Path source = write("mid.jpg", TestImages.jpeg(TestImages.photo(1000, 750, 3)));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(List.of(320, 640, 1000), set.variants().stream().map(ImageSet.Variant::width).toList());
        assertEquals(750, set.height());
    }

    @Test
    void tinyImageGivesOneVariantAtItsOwnSize() throws IOException {
        Path source = write("tiny.jpg", TestImages.jpeg(TestImages.photo(200, 100, 3)));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(1, set.variants().size());
        assertEquals(200, set.width());
        assertEquals(100, set.height());
    }

    @Test
    void pngWithRealTransparencyStaysPngWithItsAlpha() throws IOException {
        BufferedImage logo = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(200, 0, 0));
        g.fillOval(100, 20, 200, 160);
        g.dispose();
        Path source = write("logo.png", TestImages.encode(logo, "png"));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(List.of(320, 400), set.variants().stream().map(ImageSet.Variant::width).toList());
        assertTrue(set.largest().fileName().endsWith(".400.png"), set.largest().fileName());
        BufferedImage read = ImageIO.read(set.largest().file().toFile());
        assertEquals(0, read.getRGB(2, 2) >>> 24, "corner stays transparent");
        assertEquals(0xFF, read.getRGB(200, 100) >>> 24, "centre stays opaque");
        byte[] bytes = Files.readAllBytes(set.largest().file());
        for (String chunk : List.of("iCCP", "eXIf", "tEXt", "iTXt", "zTXt", "tIME")) {
            assertTrue(!TestImages.contains(bytes, chunk), "no " + chunk + " chunk");
        }
    }

    @Test
    void opaquePngAndPngNamedJpgBecomeJpeg() throws IOException {
        Path source = write("scan.jpg", TestImages.encode(TestImages.photo(700, 400, 5), "png"));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(List.of(320, 640, 700), set.variants().stream().map(ImageSet.Variant::width).toList());
        assertTrue(set.largest().fileName().endsWith(".700.jpg"));
        byte[] bytes = Files.readAllBytes(set.largest().file());
        assertEquals(0xD8, bytes[1] & 0xFF);
    }

    @Test
    void gifGivesItsFirstFrame() throws IOException {
        BufferedImage frame = TestImages.quadrants(360, 240);
        Path source = write("anim.gif", TestImages.encode(frame, "gif"));
        ImageSet set = process(new ImageProcessor(dir.resolve("cache")), source);

        assertEquals(List.of(320, 360), set.variants().stream().map(ImageSet.Variant::width).toList());
        BufferedImage read = ImageIO.read(set.largest().file().toFile());
        Color topLeft = new Color(read.getRGB(40, 40));
        assertTrue(topLeft.getRed() > 180 && topLeft.getGreen() < 80, topLeft.toString());
    }

    @Test
    void secondCallWithSameBytesReusesTheCacheWithoutDecoding() throws IOException {
        Path source = write("a.jpg", TestImages.jpeg(TestImages.photo(1200, 800, 9)));
        Path copy = write("b.jpg", Files.readAllBytes(source));
        ImageProcessor processor = new ImageProcessor(dir.resolve("cache"));
        ImageSet first = process(processor, source);
        List<Long> stamps = new ArrayList<>();
        for (ImageSet.Variant v : first.variants()) {
            stamps.add(Files.getLastModifiedTime(v.file()).toMillis());
        }

        ImageSet second = new ImageProcessor(dir.resolve("cache")).process(copy, "02", "b.jpg", problems::add).orElseThrow();
        ImageSet third = process(processor, source);

        assertEquals(1, processor.decodeCount());
        assertEquals(first, third);
        assertEquals(first.variants().get(0).file(), second.variants().get(0).file());
        assertTrue(second.variants().get(0).fileName().startsWith("02."));
        for (int i = 0; i < stamps.size(); i++) {
            assertEquals(stamps.get(i), Files.getLastModifiedTime(second.variants().get(i).file()).toMillis());
        }
    }

    @Test
    void sameSourceGivesByteIdenticalVariantsInSeparateCaches() throws IOException {
        Path source = write("a.jpg", TestImages.jpeg(TestImages.photo(1700, 1100, 11)));
        ImageSet one = process(new ImageProcessor(dir.resolve("cache1")), source);
        ImageSet two = process(new ImageProcessor(dir.resolve("cache2")), source);

        assertEquals(one.variants().size(), two.variants().size());
        for (int i = 0; i < one.variants().size(); i++) {
            assertEquals(one.variants().get(i).fileName(), two.variants().get(i).fileName());
            assertArrayEquals(Files.readAllBytes(one.variants().get(i).file()),
                    Files.readAllBytes(two.variants().get(i).file()));
        }
    }

    @Test
    void differentWidthSettingsGiveDifferentHashes() throws IOException {
        Path source = write("a.jpg", TestImages.jpeg(TestImages.photo(900, 600, 2)));
        ImageSet standard = process(new ImageProcessor(dir.resolve("cache")), source);
        ImageSet custom = process(new ImageProcessor(dir.resolve("cache"),
                ImageLimits.DEFAULTS.withWidths(List.of(480))), source);

        assertEquals(List.of(480), custom.variants().stream().map(ImageSet.Variant::width).toList());
        assertTrue(!standard.largest().fileName().substring(3, 11).equals(custom.largest().fileName().substring(3, 11)));
    }
}
