package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Severity;

class HostileImagesTest {
    /** Committed corpus: each file is named {@code <expected problem code>--<what it is>.<ext>}. */
    static final Path CORPUS = Path.of("src/test/resources/hostile/images");

    @TempDir
    Path dir;

    private Problem refuse(String name, byte[] bytes) throws IOException {
        return refuse(new ImageProcessor(dir.resolve("cache")), name, bytes);
    }

    private Problem refuse(ImageProcessor processor, String name, byte[] bytes) throws IOException {
        Path source = Files.write(dir.resolve(name), bytes);
        List<Problem> problems = new ArrayList<>();
        Optional<ImageSet> set = processor.process(source, "x", "stands/a/gallery/" + name, problems::add);
        assertTrue(set.isEmpty(), "refused");
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("stands/a/gallery/" + name, p.file());
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(!p.hint().isEmpty(), "has a hint");
        return p;
    }

    /** Loads the ImageIO plugins first, so the timings below measure the refusal, not class loading. */
    private void warmUp() throws IOException {
        Path ok = Files.write(dir.resolve("ok.jpg"), TestImages.jpeg(TestImages.photo(16, 16, 1)));
        assertTrue(new ImageProcessor(dir.resolve("warm")).process(ok, "ok", "ok.jpg", p -> { }).isPresent());
    }

    @Test
    void refusesPngClaimingTenGigapixelsFromItsHeaderQuickly() throws IOException {
        warmUp();
        long start = System.nanoTime();
        Problem p = refuse("bomb.png", TestImages.pngClaiming(100_000, 100_000));

        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused from the header, not by decoding");
        assertEquals("image.too-many-pixels", p.code());
        assertEquals("Изображение 100000×100000 пикселей слишком большое (10000 Мпикс при пределе 50)", p.message());
        assertEquals("Уменьшите его до 7071×7071 пикселей или меньше (для сайта хватит 1600 пикселей по ширине)"
                + " и загрузите снова", p.hint());
    }

    @Test
    void reportsMegapixelsAgainstTheLimitInRussian() throws IOException {
        Problem p = refuse("big.png", TestImages.pngClaiming(30_000, 30_000));

        assertEquals("Изображение 30000×30000 пикселей слишком большое (900 Мпикс при пределе 50)", p.message());
    }

    @Test
    void refusesJpegWhoseFrameHeaderClaims65000Squared() throws IOException {
        warmUp();
        long start = System.nanoTime();
        Problem p = refuse("bomb.jpg", TestImages.jpegClaiming(65_000, 65_000));

        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused from the header, not by decoding");
        assertEquals("image.too-many-pixels", p.code());
        assertTrue(p.message().startsWith("Изображение 65000×65000 пикселей"), p.message());
    }

    @Test
    void honoursALowerPixelLimit() throws IOException {
        ImageProcessor strict = new ImageProcessor(dir.resolve("cache"), ImageLimits.DEFAULTS.withMaxPixels(100_000));
        Problem p = refuse(strict, "photo.jpg", TestImages.jpeg(TestImages.photo(500, 400, 1)));

        assertEquals("Изображение 500×400 пикселей слишком большое (0.2 Мпикс при пределе 0.1)", p.message());
    }

    @Test
    void truncatedJpegIsCorrupt() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(800, 600, 2));
        assertEquals("image.corrupt", refuse("cut.jpg", TestImages.truncated(jpeg, 0.6)).code());
    }

    @Test
    void truncatedPngIsCorrupt() throws IOException {
        byte[] png = TestImages.encode(TestImages.photo(300, 200, 2), "png");
        assertEquals("image.corrupt", refuse("cut.png", TestImages.truncated(png, 0.5)).code());
    }

    @Test
    void jpegSignatureFollowedByGarbageIsCorrupt() throws IOException {
        byte[] bytes = new byte[4000];
        new Random(5).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        assertEquals("image.corrupt", refuse("noise.jpg", bytes).code());
    }

    @Test
    void emptyFileIsCorrupt() throws IOException {
        assertEquals("image.corrupt", refuse("empty.jpg", new byte[0]).code());
    }

    @Test
    void heicRenamedToJpgIsRecognisedAndExplainsHowToExport() throws IOException {
        Problem p = refuse("IMG_0001.jpg", TestImages.isoBmff("heic", "mif1", "heic"));

        assertEquals("image.heic", p.code());
        assertTrue(p.hint().contains("Настройки → Камера → Форматы → Наиболее совместимый"), p.hint());
    }

    @Test
    void heifWithMif1BrandIsHeic() throws IOException {
        assertEquals("image.heic", refuse("photo.heif", TestImages.isoBmff("mif1", "mif1", "heic")).code());
    }

    @Test
    void avifSvgPsdPdfAndUnknownBytesAreUnsupported() throws IOException {
        Problem avif = refuse("a.avif", TestImages.isoBmff("avif", "mif1", "avif"));
        assertEquals("image.unsupported", avif.code());
        assertEquals("Формат AVIF не поддерживается для фотографий", avif.message());
        byte[] svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        assertEquals("image.unsupported", refuse("logo.svg", svg).code());
        assertEquals("image.unsupported", refuse("layers.psd", "8BPS\0\1\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).code());
        assertEquals("image.unsupported", refuse("doc.jpg", "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1)).code());
        assertEquals("image.unsupported", refuse("notes.jpg", "просто текст".getBytes(StandardCharsets.UTF_8)).code());
    }

    @Test
    void refusesFilesAboveTheByteLimitBeforeReadingThem() throws IOException {
        ImageProcessor small = new ImageProcessor(dir.resolve("cache"),
                new ImageLimits(50_000_000L, 1000, List.of(320), 0.8f));
        Problem p = refuse(small, "huge.jpg", TestImages.jpeg(TestImages.photo(400, 300, 1)));

        assertEquals("image.too-large", p.code());
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> list = files.filter(f -> f.getFileName().toString().contains("--")).sorted().toList();
            assertTrue(list.size() >= 8, "corpus has its files: " + list);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileFileIsRefusedWithItsExpectedCode(Path input) throws IOException {
        String name = input.getFileName().toString();
        String expected = name.substring(0, name.indexOf("--"));

        assertEquals(expected, refuse(name, Files.readAllBytes(input)).code());
    }
}
