package vitrina.generator.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Approved versions of stands, stored by content: {@code objects/<aa>/<sha256>} holds each distinct file once (a
 * photo shared by ten versions is stored once); {@code versions/<stand>/<hex>.txt} lists {@code sha256 path} lines.
 * A version id is {@code sha256:<hex>} over the sorted {@code path\0sha256\n} lines — the same as
 * {@code Stand.version()} computed by the content stage, so a pinned version can be checked against a folder.
 * Objects are written atomically and never modified, so the store can be shared and synced like any CAS.
 */
public final class SnapshotStore {
    private final Path root;

    public SnapshotStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The version id and the file list of a stand folder, without storing anything. */
    public static Version versionOf(Path standDir) {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(standDir)) {
            for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !isJunk(standDir.relativize(p))).toList()) {
                files.put(standDir.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stand folder " + standDir, e);
        }
        return new Version(idOf(files), files);
    }

    private static final java.util.Set<String> JUNK = java.util.Set.of("thumbs.db", "desktop.ini", "__macosx");

    /** Hidden files and OS junk ({@code .DS_Store}, {@code Thumbs.db}, {@code __MACOSX}): never content. */
    public static boolean isIgnored(String fileName) {
        return fileName.startsWith(".") || JUNK.contains(fileName.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean isJunk(Path relative) {
        for (Path segment : relative) {
            if (isIgnored(segment.toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version id of a stand: {@code sha256:} over "path NUL sha256 LF" of every file, in path order. The one
     * definition shared by the content stage (Stand.version) and the snapshot store, so pins always match.
     */
    public static String idOf(SortedMap<String, String> files) {
        MessageDigest md = digest();
        files.forEach((path, sha) -> md.update((path + "\0" + sha + "\n").getBytes(StandardCharsets.UTF_8)));
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** Stores every file of the folder (each distinct content once) and records the version. */
    public Version save(String standId, Path standDir) {
        Version v = versionOf(standDir);
        try {
            for (Map.Entry<String, String> e : v.files().entrySet()) {
                Path object = object(e.getValue());
                if (!Files.exists(object)) {
                    Files.createDirectories(object.getParent());
                    Path tmp = Files.createTempFile(object.getParent(), ".tmp-", "");
                    Files.copy(standDir.resolve(e.getKey()), tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, object, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Path list = versionFile(standId, v.id());
            Files.createDirectories(list.getParent());
            StringBuilder sb = new StringBuilder();
            v.files().forEach((path, sha) -> sb.append(sha).append(' ').append(path).append('\n'));
            Files.writeString(list, sb.toString(), StandardCharsets.UTF_8);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store snapshot of " + standDir, e);
        }
    }

    /** The stored version, if this store has it. */
    public Optional<Version> find(String standId, String versionId) {
        Path list = versionFile(standId, versionId);
        if (!Files.exists(list)) {
            return Optional.empty();
        }
        try {
            TreeMap<String, String> files = new TreeMap<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space == 64) {
                    files.put(line.substring(65), line.substring(0, 64));
                }
            }
            return Optional.of(new Version(versionId, files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot list " + list, e);
        }
    }

    /** Writes the stored version's files into an empty folder (to build the approved version). */
    public void materialize(Version v, Path target) {
        try {
            for (Map.Entry<String, String> e : v.files().entrySet()) {
                Path out = target.resolve(e.getKey()).normalize();
                if (!out.startsWith(target)) {
                    throw new IllegalStateException("snapshot path escapes its folder: " + e.getKey());
                }
                Files.createDirectories(out.getParent());
                Files.copy(object(e.getValue()), out, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize snapshot " + v.id(), e);
        }
    }

    private Path object(String sha) {
        return root.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha);
    }

    private Path versionFile(String standId, String versionId) {
        String hex = versionId.startsWith("sha256:") ? versionId.substring(7) : versionId;
        if (!hex.matches("[0-9a-f]{64}") || !standId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("bad stand or version id: " + standId + " " + versionId);
        }
        return root.resolve("versions").resolve(standId).resolve(hex + ".txt");
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand version: its id and its files (path → sha256), sorted. */
    public record Version(String id, SortedMap<String, String> files) {
        public Version {
            files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }

        /** What changed from {@code older} to this version, for a readable summary. */
        public Changes changesSince(Version older) {
            List<String> added = files.keySet().stream().filter(p -> !older.files.containsKey(p)).toList();
            List<String> removed = older.files.keySet().stream().filter(p -> !files.containsKey(p)).toList();
            List<String> changed = files.keySet().stream()
                    .filter(p -> older.files.containsKey(p) && !older.files.get(p).equals(files.get(p))).toList();
            return new Changes(added, changed, removed);
        }
    }

    /** Paths added, changed and removed between two versions. */
    public record Changes(List<String> added, List<String> changed, List<String> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }

        /** «страницы изменены: index.md; файлы добавлены: files/x.pdf» */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            append(sb, "изменено", changed);
            append(sb, "добавлено", added);
            append(sb, "удалено", removed);
            return sb.isEmpty() ? "без изменений" : sb.toString();
        }

        private static void append(StringBuilder sb, String what, List<String> paths) {
            if (!paths.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(what).append(": ").append(String.join(", ", paths));
            }
        }
    }
}
