package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

class OrientationTest {
    @TempDir
    Path dir;

    /**
     * Stored picture: 64×32, red top-left, green top-right, blue bottom-left, white bottom-right.
     * Expected colours of the displayed corners (top-left, top-right, bottom-left, bottom-right).
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, R, G, B, W",
        "2, G, R, W, B",
        "3, W, B, G, R",
        "4, B, W, R, G",
        "5, R, B, G, W",
        "6, B, R, W, G",
        "7, W, G, B, R",
        "8, G, W, R, B",
    })
    void turnsAndMirrorsThePictureAsTheExifOrientationSays(int orientation, char tl, char tr, char bl, char br)
            throws IOException {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.quadrants(64, 32)), orientation, false);
        Path source = Files.write(dir.resolve("o" + orientation + ".jpg"), jpeg);
        List<Problem> problems = new ArrayList<>();

        ImageSet set = new ImageProcessor(dir.resolve("cache")).process(source, "o", "o.jpg", problems::add)
                .orElseThrow();

        boolean swapped = orientation >= 5;
        assertEquals(swapped ? 32 : 64, set.width());
        assertEquals(swapped ? 64 : 32, set.height());
        BufferedImage out = ImageIO.read(set.largest().file().toFile());
        int w = out.getWidth();
        int h = out.getHeight();
        assertEquals(String.valueOf(tl), colourAt(out, w / 4, h / 4), "top-left");
        assertEquals(String.valueOf(tr), colourAt(out, 3 * w / 4, h / 4), "top-right");
        assertEquals(String.valueOf(bl), colourAt(out, w / 4, 3 * h / 4), "bottom-left");
        assertEquals(String.valueOf(br), colourAt(out, 3 * w / 4, 3 * h / 4), "bottom-right");
    }

    private static String colourAt(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() > 180 && c.getGreen() > 180 && c.getBlue() > 180) {
            return "W";
        }
        if (c.getRed() > 150) {
            return "R";
        }
        if (c.getGreen() > 150) {
            return "G";
        }
        return c.getBlue() > 150 ? "B" : "?" + c;
    }
}
