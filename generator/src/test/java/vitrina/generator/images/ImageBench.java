package vitrina.generator.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vitrina.generator.model.ImageSet;

/**
 * Photos per second for synthetic 12-megapixel JPEGs (4000×3000, gradients and noise) with a cold cache.
 * Every copy gets a distinct trailer after the JPEG end marker, so each has its own hash and is really decoded.
 * Run: {@code java -cp <test+main classpath> vitrina.generator.images.ImageBench [photos] [threads]}; with
 * {@code -Dvitrina.bench.keep=DIR} the source JPEGs are written to DIR and kept (bench/photos.sh hands them to
 * libvips' vipsthumbnail for the comparison).
 */
final class ImageBench {
    private ImageBench() {
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path work = Files.createTempDirectory("vitrina-image-bench");
        String keep = System.getProperty("vitrina.bench.keep");
        Path sourceDir = keep == null ? work : Files.createDirectories(Path.of(keep));
        try {
            byte[] jpeg = TestImages.jpeg(TestImages.photo(4000, 3000, 42));
            List<Path> sources = new ArrayList<>();
            for (int i = 0; i < photos; i++) {
                byte[] copy = TestImages.splice(jpeg, jpeg.length, ("bench-" + i).getBytes());
                sources.add(Files.write(sourceDir.resolve("photo-" + i + ".jpg"), copy));
            }
            System.out.printf("source: 4000x3000 JPEG, %d KB; %d photos, %d threads%n",
                    jpeg.length / 1024, photos, threads);
            run(new ImageProcessor(work.resolve("warmup")), sources.subList(0, Math.min(2, photos)), threads);
            ImageProcessor processor = new ImageProcessor(work.resolve("cache"));
            long start = System.nanoTime();
            run(processor, sources, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("cold cache: %.2f s, %.2f photos/s (%d decodes)%n",
                    seconds, photos / seconds, processor.decodeCount());
            start = System.nanoTime();
            run(processor, sources, threads);
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("warm cache: %.3f s, %.1f photos/s%n", seconds, photos / seconds);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(ImageProcessor processor, List<Path> sources, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<ImageSet>>> results = new ArrayList<>();
            for (Path s : sources) {
                results.add(pool.submit(() -> processor.process(s, "p", s.toString(), p -> {
                    throw new IllegalStateException(p.toString());
                })));
            }
            for (Future<Optional<ImageSet>> r : results) {
                r.get().orElseThrow();
            }
        } finally {
            pool.shutdown();
        }
    }
}
