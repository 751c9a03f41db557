package vitrina.generator.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the small committed corpus under {@code src/test/resources/hostile/images/}. Run from the
 * {@code generator} folder: {@code java ... vitrina.generator.images.HostileCorpus}. New cases found in the wild
 * are added there by hand, named {@code <expected code>--<what it is>.<ext>}.
 */
final class HostileCorpus {
    private HostileCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(args.length > 0 ? Path.of(args[0]) : HostileImagesTest.CORPUS);
        byte[] jpeg = TestImages.jpeg(TestImages.photo(96, 64, 3));
        Files.write(dir.resolve("image.too-many-pixels--png-ihdr-100000x100000.png"), TestImages.pngClaiming(100_000, 100_000));
        Files.write(dir.resolve("image.too-many-pixels--jpeg-sof-65000x65000.jpg"), TestImages.jpegClaiming(65_000, 65_000));
        Files.write(dir.resolve("image.corrupt--truncated-jpeg.jpg"), TestImages.truncated(jpeg, 0.5));
        Files.write(dir.resolve("image.corrupt--png-named-jpg-truncated.jpg"),
                TestImages.truncated(TestImages.encode(TestImages.photo(64, 64, 3), "png"), 0.4));
        Files.write(dir.resolve("image.heic--heic-renamed.jpg"), TestImages.isoBmff("heic", "mif1", "heic"));
        Files.write(dir.resolve("image.heic--heif-mif1.heif"), TestImages.isoBmff("mif1", "mif1", "heic"));
        Files.write(dir.resolve("image.unsupported--avif.jpg"), TestImages.isoBmff("avif", "mif1", "avif"));
        Files.write(dir.resolve("image.unsupported--svg-with-script.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n"
                        .getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("image.unsupported--psd.psd"), "8BPS\0\1\0\0\0\0\0\0\0\3".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("image.corrupt--empty.jpg"), new byte[0]);
    }
}
