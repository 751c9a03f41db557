package vitrina.generator.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed store of variants: {@code <root>/<first 2 hex>/<hash>/<width>.<ext>} plus
 * {@code manifest.txt}. Entries are assembled in {@code <root>/.tmp/} and moved in with one atomic rename, so
 * builds sharing the folder (even across machines) see either a whole entry or none.
 */
final class ImageCache {
    private static final String MANIFEST = "manifest.txt";
    private static final String HEADER = "vitrina-image-cache 1";

    /** One stored variant. */
    record Item(int width, int height, Path file) {
    }

    /** A complete cache entry, items ascending by width. */
    record Entry(String extension, List<Item> items) {
    }

    private final Path root;

    ImageCache(Path root) {
        this.root = root;
    }

    Path dirOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** A complete entry whose files are all present with the recorded sizes, or empty. */
    Optional<Entry> find(String hash) {
        Path dir = dirOf(hash);
        try {
            List<String> lines = Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("extension ")) {
                return Optional.empty();
            }
            String extension = lines.get(1).substring("extension ".length());
            List<Item> items = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                String[] f = line.split(" ");
                if (f.length != 4 || !f[0].equals("variant")) {
                    return Optional.empty();
                }
                int width = Integer.parseInt(f[1]);
                Path file = dir.resolve(width + "." + extension);
                if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(f[3])) {
                    return Optional.empty();
                }
                items.add(new Item(width, Integer.parseInt(f[2]), file));
            }
            return Optional.of(new Entry(extension, items));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the variants; if another writer got there first, its (identical) entry is used. */
    Entry store(String hash, String extension, List<VariantEncoder.Encoded> variants) throws IOException {
        Path tmpRoot = Files.createDirectories(root.resolve(".tmp"));
        Path tmp = Files.createTempDirectory(tmpRoot, hash.substring(0, 8) + "-");
        try {
            StringBuilder manifest = new StringBuilder(HEADER).append('\n')
                    .append("extension ").append(extension).append('\n');
            for (VariantEncoder.Encoded v : variants) {
                Files.write(tmp.resolve(v.width() + "." + extension), v.bytes());
                manifest.append("variant ").append(v.width()).append(' ').append(v.height())
                        .append(' ').append(v.bytes().length).append('\n');
            }
            Files.writeString(tmp.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Path target = dirOf(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && find(hash).isEmpty()) {
                discardBroken(target, tmpRoot);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lost) {
                Optional<Entry> winner = find(hash);
                if (winner.isPresent()) {
                    return winner.get();
                }
                throw lost;
            }
            return find(hash).orElseThrow(() -> new IOException("cache entry unreadable after writing: " + target));
        } finally {
            deleteTree(tmp);
        }
    }

    /** A half-written entry left by an interrupted non-atomic copy: move it aside, then delete it. */
    private static void discardBroken(Path target, Path tmpRoot) throws IOException {
        Path aside = Files.createTempDirectory(tmpRoot, "broken-");
        try {
            Files.move(target, aside.resolve("entry"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // someone else is repairing it; the move in store() decides
        } finally {
            deleteTree(aside);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
