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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import vitrina.generator.model.OutputSink;

/**
 * Writes a site into a staging folder beside the target and swaps it in on {@link #commit()}: a build that fails
 * (or is never committed) leaves the previous site untouched. Records the manifest as it writes. Thread-safe.
 */
public final class SiteWriter implements OutputSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final Map<String, OutputManifest.Entry> written = new ConcurrentHashMap<>();
    private boolean committed;

    private SiteWriter(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates a fresh staging folder next to {@code target} (same file system, so the final rename is cheap). */
    public static SiteWriter staging(Path target) {
        Path abs = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".staging-");
            return new SiteWriter(abs, staging);
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
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        written.put(path, new OutputManifest.Entry(sha256(content), content.length));
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
        return new OutputManifest(new java.util.TreeMap<>(written));
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

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
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
