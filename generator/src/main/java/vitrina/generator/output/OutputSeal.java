package vitrina.generator.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * A record, kept in the work folder, that the site folder held exactly the files of one manifest at one moment: the
 * moment is the seal file's own time. A later build then checks the folder against the manifest with the change
 * times (ctime) the kernel keeps, instead of reading every folder of the site: a folder whose change time is not
 * after the seal has the entries it had then (creating, deleting or renaming an entry changes it), and a file whose
 * change time is not after the seal has the bytes it had then (any write, truncation, rename, chmod or {@code touch}
 * changes it, and no program can set it back). What changed after the seal is read and checked as before.
 *
 * <p>The seal is written after the commit and names the manifest file it vouches for (by size, modification time
 * and inode), and the site folder. After writing it, {@link #write} waits until the file system's clock has moved
 * past the seal's time, so that anything changed after the build has a later time than the seal even on a file
 * system with coarse timestamps. Without the unix file attributes (Windows), on another file system than the site
 * folder's, or when anything does not match, there is no seal and the build reads the folder.
 */
public final class OutputSeal {
    private static final String HEADER = "vitrina-output-seal 1";
    /** How long {@link #write} waits for the file system's clock at most (FAT's timestamps have 2 s steps). */
    private static final long CLOCK_WAIT_NANOS = 3_000_000_000L;

    private final long time;

    private OutputSeal(long time) {
        this.time = time;
    }

    /** The seal's time, in nanoseconds since the epoch. */
    long time() {
        return time;
    }

    /** Whether an entry whose change time is {@code ctimeNanos} is as it was at the seal. */
    boolean unchanged(long ctimeNanos) {
        return ctimeNanos <= time;
    }

    /**
     * The seal in {@code sealFile} when it vouches for the site folder {@code target} as the manifest identified by
     * {@code manifestKey} (see {@link #manifestKey}) describes it; empty otherwise.
     */
    public static Optional<OutputSeal> read(Path sealFile, Path target, String manifestKey) {
        if (manifestKey == null) {
            return Optional.empty();
        }
        try {
            String expected = content(target, manifestKey);
            if (!Files.readString(sealFile, StandardCharsets.UTF_8).equals(expected)) {
                return Optional.empty();
            }
            Map<String, Object> seal = Files.readAttributes(sealFile, "unix:lastModifiedTime,ctime,dev",
                    LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> site = Files.readAttributes(target, "unix:dev", LinkOption.NOFOLLOW_LINKS);
            if (!seal.get("dev").equals(site.get("dev"))) {
                return Optional.empty(); // another file system: its clock need not be the site's
            }
            // a modification time can be set (touch -d); the change time cannot, and is never before it on its own
            long time = Math.min(nanos(seal.get("lastModifiedTime")), nanos(seal.get("ctime")));
            return Optional.of(new OutputSeal(time));
        } catch (IOException | RuntimeException e) { // no seal, or no unix attributes here
            return Optional.empty();
        }
    }

    /**
     * Seals {@code target} as the manifest identified by {@code manifestKey} describes it (call right after that
     * manifest is written, the site committed). Returns whether the seal was written; when it was not, any earlier
     * seal is gone too.
     */
    public static boolean write(Path sealFile, Path target, String manifestKey) {
        try {
            Files.deleteIfExists(sealFile);
            if (manifestKey == null) {
                return false;
            }
            Path temp = sealFile.resolveSibling(sealFile.getFileName() + ".tmp");
            Files.writeString(temp, content(target, manifestKey), StandardCharsets.UTF_8);
            move(temp, sealFile);
            Optional<OutputSeal> seal = read(sealFile, target, manifestKey);
            if (seal.isEmpty() || !clockPassed(sealFile, seal.get().time)) {
                Files.deleteIfExists(sealFile);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(sealFile);
            } catch (IOException ignored) {
                // a seal that cannot be deleted cannot be written either: read() then finds an old key in it
            }
            return false;
        }
    }

    /** Removes the seal: the next build reads the site folder. */
    public static void remove(Path sealFile) {
        try {
            Files.deleteIfExists(sealFile);
        } catch (IOException e) {
            // its key names a manifest that is gone: read() will not match it
        }
    }

    /**
     * Identifies a manifest file by its size, modification time and inode: a rewritten manifest (written to a
     * temporary file and renamed) has another inode. Null when the file or the unix attributes are missing.
     */
    public static String manifestKey(Path manifestFile) {
        try {
            Map<String, Object> a = Files.readAttributes(manifestFile, "unix:size,lastModifiedTime,ino,dev",
                    LinkOption.NOFOLLOW_LINKS);
            return a.get("size") + ":" + nanos(a.get("lastModifiedTime")) + ":" + a.get("ino") + ":" + a.get("dev");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits until a file written now beside the seal gets a later time than {@code time}: timestamps come from a
     * coarse clock (a few milliseconds on Linux, up to 2 s on old file systems).
     */
    private static boolean clockPassed(Path sealFile, long time) throws IOException {
        Path probe = sealFile.resolveSibling(sealFile.getFileName() + ".clock");
        long deadline = System.nanoTime() + CLOCK_WAIT_NANOS;
        try {
            while (true) {
                Files.writeString(probe, "", StandardCharsets.UTF_8);
                if (nanos(Files.getAttribute(probe, "unix:ctime", LinkOption.NOFOLLOW_LINKS)) > time) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String content(Path target, String manifestKey) {
        return HEADER + "\n" + target.toAbsolutePath().normalize() + "\n" + manifestKey + "\n";
    }

    static long nanos(Object fileTime) {
        java.time.Instant t = ((FileTime) fileTime).toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
