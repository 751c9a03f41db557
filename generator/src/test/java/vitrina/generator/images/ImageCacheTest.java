package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

class ImageCacheTest {
    @TempDir
    Path dir;

    @Test
    void storesEntriesUnderTwoHexPrefixAndFullHashWithAManifest() throws IOException {
        Path source = Files.write(dir.resolve("a.jpg"), TestImages.jpeg(TestImages.photo(700, 500, 1)));
        Path cacheDir = dir.resolve("cache");
        ImageSet set = new ImageProcessor(cacheDir).process(source, "a", "a.jpg", p -> { }).orElseThrow();

        String hash = ContentHash.of(source, ImageLimits.DEFAULTS.settingsKey());
        Path entry = cacheDir.resolve(hash.substring(0, 2)).resolve(hash);
        assertEquals(entry.resolve("700.jpg"), set.largest().file());
        assertEquals("vitrina-image-cache 1\nextension jpg\nvariant 320 229 " + Files.size(entry.resolve("320.jpg"))
                + "\nvariant 640 457 " + Files.size(entry.resolve("640.jpg"))
                + "\nvariant 700 500 " + Files.size(entry.resolve("700.jpg")) + "\n",
                Files.readString(entry.resolve("manifest.txt")));
        assertTrue(set.largest().fileName().startsWith("a." + hash.substring(0, 8) + "."));
    }

    @Test
    void rebuildsAnEntryWhoseFileWasCutShort() throws IOException {
        Path source = Files.write(dir.resolve("a.jpg"), TestImages.jpeg(TestImages.photo(700, 500, 1)));
        ImageProcessor processor = new ImageProcessor(dir.resolve("cache"));
        ImageSet first = processor.process(source, "a", "a.jpg", p -> { }).orElseThrow();
        byte[] good = Files.readAllBytes(first.largest().file());
        Files.write(first.largest().file(), new byte[] {1, 2, 3});

        ImageSet again = processor.process(source, "a", "a.jpg", p -> { }).orElseThrow();

        assertEquals(2, processor.decodeCount());
        assertArrayEquals(good, Files.readAllBytes(again.largest().file()));
    }

    @Test
    void manyThreadsAndTwoProcessorsSharingOneCacheAgreeAndLeaveNoTemporaryFiles() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sources.add(Files.write(dir.resolve(i + ".jpg"), TestImages.jpeg(TestImages.photo(900, 600, i))));
        }
        Path cacheDir = dir.resolve("shared");
        ImageProcessor one = new ImageProcessor(cacheDir);
        ImageProcessor two = new ImageProcessor(cacheDir);
        List<Problem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<ImageSet>> futures = new ArrayList<>();
        try {
            for (int round = 0; round < 4; round++) {
                for (Path s : sources) {
                    ImageProcessor p = round % 2 == 0 ? one : two;
                    futures.add(pool.submit(() -> p.process(s, "p", s.toString(), problems::add).orElseThrow()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(futures.get(i % 3).get(), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(), problems);
        try (Stream<Path> tmp = Files.list(cacheDir.resolve(".tmp"))) {
            assertEquals(0, tmp.count(), "temporary entries are cleaned up");
        }
    }
}
