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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import vitrina.generator.model.OutputSink;

/**
 * Writes a site into a staging folder beside the target and brings it in on {@link #commit()}: a build that fails
 * (or is never committed) leaves the previous site untouched. Records the manifest as it writes. Thread-safe.
 *
 * <p>Without a previous manifest the staging folder receives the whole site and is swapped in with two renames.
 * With one ({@link #staging(Path, OutputManifest)}) only files whose content changed are staged; unchanged files
 * are left where they are, and the commit renames each staged file into place and deletes what the new site no
 * longer has. A rebuild after a small edit then costs work in proportion to the edit, not to the 100,000 files
 * of a large exhibition (swapping would have linked all of them into the staging folder and deleted the old tree).
 * While such a commit runs, a reader of the folder can see some files new and some old, as during any upload.
 */
public final class SiteWriter implements OutputSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final ConcurrentSkipListMap<String, OutputManifest.Entry> written = new ConcurrentSkipListMap<>();
    private final OutputManifest previous;
    private final AtomicLong linked = new AtomicLong();
    /** Paths staged in this build (in place mode: the changed ones; they replace the target's on commit). */
    private final java.util.Set<String> staged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Updates the target in place (unchanged files stay) instead of swapping in a complete staging folder. */
    private final boolean inPlace;
    private boolean committed;
    private boolean precompress;

    private SiteWriter(Path target, Path staging, OutputManifest previous) {
        this.target = target;
        this.staging = staging;
        this.previous = previous;
        this.inPlace = !previous.files().isEmpty() && Files.isDirectory(target);
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

    /** Files taken over from the previous site unchanged (left in place, or hard-linked into the staging folder). */
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
        if (inPlace) {
            linked.incrementAndGet(); // stays where it is
        } else {
            link(SafePaths.resolve(target, path), file);
        }
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
            if (inPlace) {
                linked.incrementAndGet(); // stays where it is
            } else {
                link(SafePaths.resolve(target, path), file);
            }
        } else {
            stage(path, file, content);
        }
        written.put(path, entry);
    }

    @Override
    public void copy(String path, Path source) {
        Path file = claim(path);
        MessageDigest digest = newDigest();
        long size;
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(inPlace ? staged(path, file) : file), digest)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + file, e);
        }
        OutputManifest.Entry entry = new OutputManifest.Entry(HexFormat.of().formatHex(digest.digest()), size);
        if (inPlace && previous(path).filter(entry::equals).isPresent()) {
            try { // the same bytes are in place already
                Files.delete(file);
                staged.remove(path);
                linked.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
        written.put(path, entry);
    }

    private void stage(String path, Path file, byte[] content) {
        try {
            Files.write(inPlace ? staged(path, file) : file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code file}, the staging location of {@code path}, with its folder created; recorded as staged. */
    private Path staged(String path, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder for " + file, e);
        }
        staged.add(path);
        return file;
    }

    private Path claim(String path) {
        Path file = SafePaths.resolve(staging, path);
        if (written.containsKey(path)) {
            throw new IllegalStateException("site path written twice: " + path);
        }
        if (!inPlace) { // the whole site is staged; in place, only changed files are (see #staged)
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder for " + file, e);
            }
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
            if (inPlace) {
                commitInPlace();
                committed = true;
                return manifest();
            }
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

    /**
     * Brings the staged (changed) files into the target folder, then deletes every file and folder there that the
     * new site does not have: the folder ends up holding exactly the manifest's files, as after a swap.
     */
    private void commitInPlace() throws IOException {
        if (precompress) {
            compressInPlace();
        }
        List<String> order = new java.util.ArrayList<>(staged);
        // pages last: a page never links to an asset or search file that is not there yet
        order.sort(java.util.Comparator.comparing((String p) -> p.endsWith(".html") || p.equals("search/index.json"))
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (String path : order) {
            Path to = SafePaths.resolve(target, path);
            makeFolders(to.getParent());
            if (Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(to); // a folder became a file
            }
            move(SafePaths.resolve(staging, path), to);
        }
        java.util.Set<Path> folders = new java.util.HashSet<>();
        for (String path : written.keySet()) {
            for (Path p = SafePaths.resolve(target, path).getParent(); p != null && !p.equals(target)
                    && folders.add(p); p = p.getParent()) {
                // every folder on the way to a file of the new site stays
            }
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!written.containsKey(target.relativize(file).toString().replace('\\', '/'))) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (!dir.equals(target) && !folders.contains(dir)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        deleteTree(staging);
    }

    /** Creates {@code folder} in the target, deleting a file of the old site that stands where a folder must be. */
    private void makeFolders(Path folder) throws IOException {
        for (Path p = folder; p != null && !p.equals(target); p = p.getParent()) {
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        Files.createDirectories(folder);
    }

    /** Keeps the previous {@code .gz} of unchanged files; compresses changed files and those without one. */
    private void compressInPlace() throws IOException {
        List<String> fresh = new java.util.ArrayList<>();
        for (String path : new java.util.ArrayList<>(written.keySet())) {
            if (!Precompressor.isText(path)) {
                continue;
            }
            if (staged.contains(path)) {
                fresh.add(path);
                continue;
            }
            Optional<OutputManifest.Entry> gz = previous(path + ".gz");
            if (gz.isPresent()) {
                written.put(path + ".gz", gz.get());
            } else if (written.get(path).size() >= Precompressor.MIN_BYTES) {
                // precompression was off last time: stage the unchanged file so it is compressed beside it
                Path file = SafePaths.resolve(staging, path);
                Files.createDirectories(file.getParent());
                Files.copy(SafePaths.resolve(target, path), file, StandardCopyOption.REPLACE_EXISTING);
                staged.add(path);
                fresh.add(path);
            }
        }
        Map<String, OutputManifest.Entry> made = Precompressor.gzipAll(staging, fresh);
        written.putAll(made);
        staged.addAll(made.keySet());
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
