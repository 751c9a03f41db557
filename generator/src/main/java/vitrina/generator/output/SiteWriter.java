package vitrina.generator.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import vitrina.generator.model.OutputSink;

/**
 * Writes a site into a staging folder beside the target and swaps it in on {@link #commit()}: a build that fails
 * (or is never committed) leaves the previous site untouched. Records the manifest as it writes. Thread-safe.
 */
public final class SiteWriter implements OutputSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final ConcurrentSkipListMap<String, OutputManifest.Entry> written = new ConcurrentSkipListMap<>();
    private final OutputManifest previous;
    private final AtomicLong linked = new AtomicLong();
    private boolean committed;
    private boolean precompress;

    private SiteWriter(Path target, Path staging, OutputManifest previous) {
        this.target = target;
        this.staging = staging;
        this.previous = previous;
    }

    /**
     * Like {@link #staging(Path)}, but a file whose content equals the one the previous build left in {@code target}
     * (per {@code previous}, its manifest) is hard-linked from there instead of written again.
     */
    public static SiteWriter staging(Path target, OutputManifest previous) {
        SiteWriter plain = staging(target);
        return new SiteWriter(plain.target, plain.staging, Objects.requireNonNull(previous, "previous"));
    }

    /** Also writes a {@code .gz} sibling of every text file (html, css, js, json, xml, svg, txt) on commit. */
    public SiteWriter precompress(boolean on) {
        this.precompress = on;
        return this;
    }

    /** Files taken over from the previous site by a hard link (or a copy where links are impossible). */
    public long linkedCount() {
        return linked.get();
    }

    /** What the previous build wrote at {@code path}, when it is still in the target folder with that size. */
    public Optional<OutputManifest.Entry> previous(String path) {
        OutputManifest.Entry e = previous.files().get(path);
        if (e == null) {
            return Optional.empty();
        }
        try {
            Path old = SafePaths.resolve(target, path);
            return Files.isRegularFile(old) && Files.size(old) == e.size() ? Optional.of(e) : Optional.empty();
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /**
     * Takes {@code path} over from the previous site unchanged (hard link, else copy). The caller has checked it
     * with {@link #previous(String)}.
     */
    public void reuse(String path, OutputManifest.Entry entry) {
        Path file = claim(path);
        link(SafePaths.resolve(target, path), file);
        written.put(path, entry);
    }

    private void link(Path old, Path file) {
        try {
            try {
                Files.createLink(file, old);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(old, file, StandardCopyOption.REPLACE_EXISTING);
            }
            linked.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over " + old, e);
        }
    }

    /** Everything written so far whose path starts with {@code prefix}, sorted. */
    public SortedMap<String, OutputManifest.Entry> writtenUnder(String prefix) {
        return new TreeMap<>(written.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    /** Creates a fresh staging folder next to {@code target} (same file system, so the final rename is cheap). */
    public static SiteWriter staging(Path target) {
        Path abs = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".staging-");
            return new SiteWriter(abs, staging, new OutputManifest(new TreeMap<>()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + abs, e);
        }
    }

    public Path stagingDir() {
        return staging;
    }

    @Override
    public void write(String path, byte[] content) {
        Path file = claim(path);
        OutputManifest.Entry entry = new OutputManifest.Entry(sha256(content), content.length);
        if (previous.files().containsKey(path) && previous(path).filter(entry::equals).isPresent()) {
            link(SafePaths.resolve(target, path), file);
        } else {
            try {
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        written.put(path, entry);
    }

    @Override
    public void copy(String path, Path source) {
        Path file = claim(path);
        MessageDigest digest = newDigest();
        long size;
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + file, e);
        }
        written.put(path, new OutputManifest.Entry(HexFormat.of().formatHex(digest.digest()), size));
    }

    private Path claim(String path) {
        Path file = SafePaths.resolve(staging, path);
        if (written.containsKey(path)) {
            throw new IllegalStateException("site path written twice: " + path);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder for " + file, e);
        }
        return file;
    }

    public boolean contains(String path) {
        return written.containsKey(path);
    }

    /** The manifest of everything written so far. */
    public OutputManifest manifest() {
        return new OutputManifest(new TreeMap<>(written));
    }

    /**
     * Replaces the target folder with the staging folder: the old site is moved aside, the new one renamed into
     * place, then the old one deleted. Between the two renames (microseconds) the target does not exist; it is
     * never half-written.
     */
    public OutputManifest commit() {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        try {
            if (precompress) {
                written.putAll(Precompressor.gzipAll(staging, new java.util.ArrayList<>(written.keySet())));
            }
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
                move(target, old);
            }
            move(staging, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
            return manifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap " + staging + " into " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the staging folder unless the site was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete staging folder " + staging, e);
            }
        }
    }

    /** Deletes a folder tree; the top-level folders in parallel (an old site has tens of thousands of files). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> children;
        try (var list = Files.list(root)) {
            children = list.toList();
        }
        try {
            children.parallelStream().forEach(child -> {
                try {
                    deleteSequentially(child);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.delete(root);
    }

    private static void deleteSequentially(Path root) throws IOException {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
