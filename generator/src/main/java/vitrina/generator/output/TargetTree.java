package vitrina.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.Consumer;

/**
 * What the site folder of an update in place holds: whether a file the previous build wrote is still there as it
 * was ({@link #size}), and every file and folder there (what the commit deletes when the new site lacks it). Two
 * ways to know it: {@link #walk} reads every folder; {@link #sealed} trusts a seal (see {@link OutputSeal}) for what
 * did not change after it and reads only the folders that did. Either way a symbolic link is never followed: it is a
 * file that matches no manifest entry. Thread-safe once made.
 */
abstract class TargetTree {
    /** The size of a non-regular file (a symbolic link, a device): never a manifest entry's. */
    static final Long NOT_REGULAR = -1L;

    /** Why the folder could not be read; null when it was. */
    abstract IOException failure();

    /**
     * The size of the regular file at {@code path} when it is there as the previous build left it (for a walked
     * tree: when it is there); null otherwise.
     */
    abstract Long size(String path);

    /** Whether there is a file (anything but a folder) at {@code path}. */
    abstract boolean hasFile(String path);

    abstract int fileCount();

    abstract void forEachFile(Consumer<String> action);

    /** The folders below the root. */
    abstract Iterable<String> folders();

    /** Whether the tree was checked against a seal rather than walked. */
    boolean sealed() {
        return this instanceof Sealed;
    }

    /**
     * Reads the whole tree with one lstat per entry, in parallel over folders: each folder is a task, so the 10,000
     * folders of {@code stands/} are spread over the threads as well as the top-level ones.
     */
    static TargetTree walk(Path root, int expectedFiles) {
        Map<String, Long> files = new ConcurrentHashMap<>(Math.max(16, expectedFiles + expectedFiles / 3));
        Set<String> folders = ConcurrentHashMap.newKeySet(Math.max(16, expectedFiles / 8));
        try {
            Walk walk = new Walk(root, "", files, folders);
            inPool(walk::invoke);
            return new Walked(files, folders, null);
        } catch (UncheckedIOException e) {
            return new Walked(Map.of(), Set.of(), e.getCause());
        } catch (RuntimeException e) {
            return new Walked(Map.of(), Set.of(), new IOException("cannot read " + root, e));
        }
    }

    /**
     * The tree the previous manifest describes, as far as {@code seal} vouches for it: every folder of the manifest
     * is checked with one lstat (in parallel), a folder changed after the seal is listed, and what is found there
     * that the manifest does not say (new entries, a file turned folder or link) is read like a walk. A file is
     * checked when asked for ({@link #size}). Null when the root is not a folder of its own (a link): walk it.
     * {@code sorted} and {@code previous} are the same manifest, sorted and for lookups.
     */
    static TargetTree sealed(Path root, java.util.SortedMap<String, OutputManifest.Entry> sorted,
                             Map<String, ?> previous, OutputSeal seal) {
        return sealed(root, sorted, previous, seal, null);
    }

    /**
     * As {@link #sealed(Path, java.util.SortedMap, Map, OutputSeal)}, taking the folders {@code watch} finds quiet (see
     * {@link FolderWatch.View#quiet}) and their files as the manifest says without an lstat; null: none.
     */
    static TargetTree sealed(Path root, java.util.SortedMap<String, OutputManifest.Entry> sorted,
                             Map<String, ?> previous, OutputSeal seal, FolderWatch.View watch) {
        try {
            Stat self = Stat.of(root);
            if (self == null || !self.folder()) {
                return null;
            }
            Sealed tree = new Sealed(root, sorted, previous, seal, watch);
            tree.check(self);
            return tree;
        } catch (UncheckedIOException e) {
            return new Walked(Map.of(), Set.of(), e.getCause());
        } catch (IOException e) {
            return new Walked(Map.of(), Set.of(), e);
        } catch (RuntimeException e) {
            return new Walked(Map.of(), Set.of(), new IOException("cannot read " + root, e));
        }
    }

    /**
     * Runs {@code work} (and the parallel streams and tasks it starts) in a pool of its own: the first caller may be
     * a worker of the common pool whose fellows wait for the tree.
     */
    private static void inPool(Runnable work) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            pool.submit(work).join();
        } finally {
            pool.shutdown();
        }
    }

    /** A tree read whole. */
    private static final class Walked extends TargetTree {
        private final Map<String, Long> files;
        private final Set<String> folders;
        private final IOException failure;

        Walked(Map<String, Long> files, Set<String> folders, IOException failure) {
            this.files = files;
            this.folders = folders;
            this.failure = failure;
        }

        @Override
        IOException failure() {
            return failure;
        }

        @Override
        Long size(String path) {
            return failure == null ? files.get(path) : null;
        }

        @Override
        boolean hasFile(String path) {
            return files.containsKey(path);
        }

        @Override
        int fileCount() {
            return files.size();
        }

        @Override
        void forEachFile(Consumer<String> action) {
            files.keySet().forEach(action);
        }

        @Override
        Iterable<String> folders() {
            return folders;
        }
    }

    /** Walks a folder into {@code files} and {@code folders}, one task per folder. */
    private static final class Walk extends RecursiveAction {
        private final Path dir;
        private final String prefix;
        private final Map<String, Long> files;
        private final Set<String> folders;

        Walk(Path dir, String prefix, Map<String, Long> files, Set<String> folders) {
            this.dir = dir;
            this.prefix = prefix;
            this.files = files;
            this.folders = folders;
        }

        @Override
        protected void compute() {
            List<Walk> below = new ArrayList<>();
            try {
                for (Path entry : entries(dir)) {
                    String path = prefix + entry.getFileName();
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        folders.add(path);
                        below.add(new Walk(entry, path + "/", files, folders));
                    } else {
                        files.put(path, attrs.isRegularFile() ? attrs.size() : NOT_REGULAR);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
            invokeAll(below);
        }
    }

    /** The entries of a folder; none when it went away while it was read (as if it had not been there). */
    private static List<Path> entries(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return entries;
    }

    /** One lstat: type, size and change time; null when there is nothing at the path. */
    private record Stat(boolean folder, boolean regular, long size, long ctime) {
        private static final int S_IFMT = 0170000;
        private static final int S_IFDIR = 0040000;
        private static final int S_IFREG = 0100000;

        static Stat of(Path p) throws IOException {
            Map<String, Object> a;
            try {
                a = Files.readAttributes(p, "unix:mode,size,ctime", LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            int type = ((Integer) a.get("mode")) & S_IFMT;
            return new Stat(type == S_IFDIR, type == S_IFREG, (Long) a.get("size"), OutputSeal.nanos(a.get("ctime")));
        }
    }

    /** A tree known from the previous manifest and a seal, with what changed after the seal read from the folder. */
    private static final class Sealed extends TargetTree {
        private final Path root;
        private final java.util.SortedMap<String, OutputManifest.Entry> sorted;
        /** The manifest's paths (the values do not matter here). */
        private final Map<String, ?> previous;
        private final OutputSeal seal;
        /** What the watch of the site folder vouches for (null: nothing). */
        private final FolderWatch.View watch;
        /** The manifest's folders that are folders (below folders that are). */
        private final Set<String> folders = ConcurrentHashMap.newKeySet();
        /** The manifest's folders that are not (gone, or a file or link now): nothing below them is there. */
        private final Set<String> lost = ConcurrentHashMap.newKeySet();
        /** Manifest files found to be something else now (a folder, a link): {@link #extraFiles} has what it is. */
        private final Set<String> replaced = ConcurrentHashMap.newKeySet();
        /** What is there and not in the manifest (or not as a regular file): path to size (links: -1). */
        private final Map<String, Long> extraFiles = new ConcurrentHashMap<>();
        private final Set<String> extraFolders = ConcurrentHashMap.newKeySet();
        /** The manifest's files below lost folders (not there). */
        private int filesLost;

        Sealed(Path root, java.util.SortedMap<String, OutputManifest.Entry> sorted, Map<String, ?> previous,
               OutputSeal seal, FolderWatch.View watch) {
            this.root = root;
            this.sorted = sorted;
            this.previous = previous;
            this.seal = seal;
            this.watch = watch;
        }

        /** Whether the watch vouches for the folder: as the previous build left it, and the files in it. */
        private boolean quiet(String folder) {
            return watch != null && watch.quiet(folder);
        }

        /** Checks every folder of the manifest, then reads those that changed after the seal. */
        void check(Stat rootStat) throws IOException {
            Set<String> expected = new HashSet<>(Math.max(16, previous.size() / 2));
            // in the manifest's path order: a folder's subfolders are stat'ed together, their inodes near each other on
            // disk (in hash order, with the page cache dropped, 258,389 folders took 3.8-4.1 s instead of 3.5-3.7 s)
            List<String> toStat = new ArrayList<>(Math.max(16, previous.size() / 2));
            for (String path : sorted.keySet()) {
                for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
                    String folder = path.substring(0, i);
                    if (!expected.add(folder)) {
                        break; // the folders above were added with the first file below them
                    }
                    toStat.add(folder);
                }
            }
            Map<String, Stat> stats = new ConcurrentHashMap<>(expected.size() * 4 / 3 + 16);
            // a quiet folder is the folder it was at the seal: no lstat (see FolderWatch)
            Stat quiet = new Stat(true, false, 0, seal.time());
            toStat.removeIf(folder -> {
                if (quiet(folder)) {
                    stats.put(folder, quiet);
                    return true;
                }
                return false;
            });
            inPool(() -> toStat.parallelStream().forEach(folder -> {
                try {
                    Stat s = Stat.of(root.resolve(folder));
                    if (s != null) {
                        stats.put(folder, s);
                    }
                } catch (IOException e) {
                    // unreadable (a file above it, no permission): lost, its files are written again
                }
            }));
            List<String> changed = new ArrayList<>();
            if (!seal.unchanged(rootStat.ctime())) {
                changed.add("");
            }
            for (String folder : expected) {
                Stat s = stats.get(folder);
                if (s == null || !s.folder()) {
                    lost.add(folder);
                    if (s != null) {
                        extraFiles.put(folder, s.regular() ? s.size() : NOT_REGULAR);
                    }
                }
            }
            if (!lost.isEmpty()) { // below a lost folder nothing is as the manifest says, even if it looks so
                for (String folder : expected) {
                    if (!lost.contains(folder) && below(folder, lost)) {
                        lost.add(folder);
                        extraFiles.remove(folder); // seen through a link: not in this tree
                    }
                }
                for (String path : previous.keySet()) {
                    if (below(path, lost)) {
                        filesLost++;
                    }
                }
                // what is at a lost folder's place counts only when its parent is a folder of this tree
                extraFiles.keySet().removeIf(path -> below(path, lost));
            }
            for (String folder : expected) {
                if (!lost.contains(folder)) {
                    folders.add(folder);
                    if (!seal.unchanged(stats.get(folder).ctime())) {
                        changed.add(folder);
                    }
                }
            }
            List<RecursiveAction> reads = new ArrayList<>();
            for (String folder : changed) {
                reads.add(new ChangedFolder(folder));
            }
            try {
                inPool(() -> ForkJoinTask.invokeAll(reads));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** Whether a folder strictly above {@code path} is in {@code set}. */
        private static boolean below(String path, Set<String> set) {
            for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
                if (set.contains(path.substring(0, i))) {
                    return true;
                }
            }
            return false;
        }

        /** Lists a folder changed after the seal: what the manifest does not say there is read like a walk. */
        private final class ChangedFolder extends RecursiveAction {
            private final String folder;

            ChangedFolder(String folder) {
                this.folder = folder;
            }

            @Override
            protected void compute() {
                String prefix = folder.isEmpty() ? "" : folder + "/";
                Path dir = folder.isEmpty() ? root : root.resolve(folder);
                List<Walk> below = new ArrayList<>();
                try {
                    for (Path entry : entries(dir)) {
                        String path = prefix + entry.getFileName();
                        if (folders.contains(path) || lost.contains(path)) {
                            continue; // checked with its own lstat
                        }
                        Stat s = Stat.of(entry);
                        if (s == null) {
                            continue;
                        }
                        boolean ours = previous.containsKey(path);
                        if (ours && s.regular()) {
                            continue; // checked when asked for
                        }
                        if (ours) {
                            replaced.add(path);
                        }
                        if (s.folder()) {
                            extraFolders.add(path);
                            below.add(new Walk(entry, path + "/", extraFiles, extraFolders));
                        } else {
                            extraFiles.put(path, s.regular() ? s.size() : NOT_REGULAR);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + dir, e);
                }
                invokeAll(below);
            }
        }

        @Override
        IOException failure() {
            return null;
        }

        @Override
        Long size(String path) {
            if (!previous.containsKey(path) || replaced.contains(path) || !lost.isEmpty() && below(path, lost)) {
                return null; // not the manifest's file: never reused
            }
            int slash = path.lastIndexOf('/');
            if (quiet(slash < 0 ? "" : path.substring(0, slash))) {
                return sorted.get(path).size(); // as the previous build wrote it: no lstat (see FolderWatch)
            }
            try {
                Stat s = Stat.of(root.resolve(path));
                return s != null && s.regular() && seal.unchanged(s.ctime()) ? s.size() : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        boolean hasFile(String path) {
            if (extraFiles.containsKey(path)) {
                return true;
            }
            return previous.containsKey(path) && !replaced.contains(path) && (lost.isEmpty() || !below(path, lost));
        }

        @Override
        int fileCount() {
            return previous.size() - filesLost - replaced.size() + extraFiles.size();
        }

        @Override
        void forEachFile(Consumer<String> action) {
            for (String path : previous.keySet()) {
                if (!replaced.contains(path) && (lost.isEmpty() || !below(path, lost))) {
                    action.accept(path);
                }
            }
            extraFiles.keySet().forEach(action);
        }

        @Override
        Iterable<String> folders() {
            List<String> all = new ArrayList<>(folders);
            all.addAll(extraFolders);
            return all;
        }
    }
}
