package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.moderation.SnapshotStore;

/**
 * The files of one stand folder, walked without following symbolic links, each with size and SHA-256, sorted by
 * path. Symbolic links and oversized files are errors; hidden files and OS junk ({@code .DS_Store},
 * {@code Thumbs.db}, {@code __MACOSX}) are ignored entirely and take no part in the version.
 */
final class StandFolder {
    private static final int MAX_DEPTH = 8;

    /** One regular file: path relative to the stand folder with forward slashes. */
    record FileInfo(String path, Path source, long size, String sha256) {
    }

    private final TreeMap<String, FileInfo> files;
    private final Map<String, FolderCache.FileStat> settled;
    private final String version;
    /** The folders walked, relative to the stand folder ("" for it), not the ignored ones. */
    private final List<String> folders;

    private StandFolder(TreeMap<String, FileInfo> files, Map<String, FolderCache.FileStat> settled,
                        List<String> folders) {
        this.files = files;
        this.settled = settled;
        this.version = version(files);
        this.folders = List.copyOf(folders);
    }

    /** The folders walked, relative to the stand folder ("" for it, "/"-separated); ignored ones are not. */
    List<String> folders() {
        return folders;
    }

    /** The files whose hash may be reused by their metadata next time (see {@link FolderCache}). */
    Map<String, FolderCache.FileStat> settled() {
        return settled;
    }

    Map<String, FileInfo> files() {
        return files;
    }

    String version() {
        return version;
    }

    static StandFolder scan(Path dir, String relDir, SiteConfig.Limits limits, Issues issues) throws IOException {
        return scan(dir, relDir, limits, issues, null, 0);
    }

    /**
     * Like {@link #scan(Path, String, SiteConfig.Limits, Issues)}, taking a file's hash from {@code known} when its
     * metadata is unchanged (null: no folder cache, nothing settled is recorded); {@code readAt} is the current time
     * in milliseconds (files changed shortly before it are not settled).
     */
    static StandFolder scan(Path dir, String relDir, SiteConfig.Limits limits, Issues issues,
                            Map<String, FolderCache.FileStat> known, long readAt) throws IOException {
        TreeMap<String, FileInfo> files = new TreeMap<>();
        Map<String, FolderCache.FileStat> settled = new TreeMap<>();
        long[] total = {0};
        List<String> folders = new ArrayList<>();
        walk(dir, dir, 0, new Visitor() {
            @Override
            public void folder(Path folder) {
                folders.add(relative(dir, folder));
            }

            @Override
            public void file(Path file, Entry attrs) throws IOException {
                String rel = relative(dir, file);
                Issues.At out = issues.in(relDir + "/" + rel);
                if (isIgnored(file)) {
                    return;
                }
                if (attrs.isSymbolicLink()) {
                    out.error(0, 0, "stand.symlink", "Символическая ссылка «" + rel + "» не допускается.",
                            "Положите в папку стенда сам файл вместо ссылки на него.");
                } else if (attrs.isDirectory()) {
                    out.error(0, 0, "stand.folder.too-deep", "Слишком глубокая вложенность папок: «" + rel + "».",
                            "Храните материалы в files/ и фотографии в gallery/ без лишних вложенных папок.");
                } else if (!attrs.isRegularFile()) {
                    out.error(0, 0, "stand.file.special", "«" + rel + "» — не обычный файл.", "Удалите его из папки стенда.");
                } else if (rel.indexOf('\\') >= 0) {
                    out.error(0, 0, "stand.path.unsafe", "Имя файла «" + rel + "» содержит обратную косую черту.",
                            "Переименуйте файл без символа \\.");
                } else if (attrs.size() > limits.fileBytes()) {
                    out.error(0, 0, "stand.file.too-large", "Файл «" + rel + "» больше допустимых " + limits.fileMb() + " МБ ("
                            + megabytes(attrs.size()) + " МБ).", "Уменьшите файл (сожмите PDF, уменьшите фотографии) или разделите его на части.");
                } else {
                    total[0] += attrs.size();
                    String sha;
                    if (known == null) { // no folder cache: nothing to take over or remember
                        sha = sha256(file);
                    } else {
                        FolderCache.FileStat stat = attrs.stat();
                        FolderCache.FileStat before = known.get(rel);
                        sha = stat.sameAs(before) ? before.sha256() : sha256(file);
                        if (stat.settledBefore(readAt)) {
                            settled.put(rel, stat.withHash(sha));
                        }
                    }
                    files.put(rel, new FileInfo(rel, file, attrs.size(), sha));
                }
            }

            @Override
            public void failed(Path file, IOException e) {
                issues.in(relDir + "/" + relative(dir, file)).error(0, 0, "stand.file.unreadable",
                        "Не удалось прочитать «" + relative(dir, file) + "»: " + e.getClass().getSimpleName(),
                        "Проверьте права доступа к файлу.");
            }
        });
        if (total[0] > limits.standBytes()) {
            issues.in(relDir).error(0, 0, "stand.too-large", "Стенд занимает " + megabytes(total[0]) + " МБ, а допустимо не более "
                    + limits.standMb() + " МБ.", "Уменьшите фотографии и сожмите материалы или уберите лишние файлы.");
        }
        return new StandFolder(files, settled, folders);
    }

    /** What the walk reports: entries that are not folders walked into, and entries whose metadata was unreadable. */
    private interface Visitor {
        /** A folder walked into (the stand folder first). */
        void folder(Path folder);

        void file(Path file, Entry attrs) throws IOException;

        void failed(Path file, IOException e);
    }

    /** An entry's metadata, from one lstat: its type, size, and what the folder cache compares. */
    record Entry(boolean isDirectory, boolean isRegularFile, boolean isSymbolicLink, long size,
                 FolderCache.FileStat stat) {
        private static final int S_IFMT = 0170000;
        private static final int S_IFDIR = 0040000;
        private static final int S_IFREG = 0100000;
        private static final int S_IFLNK = 0120000;
        private static volatile boolean unix = true;

        static Entry of(Path p) throws IOException {
            if (unix) {
                try {
                    Map<String, Object> a = Files.readAttributes(p, "unix:mode,size,lastModifiedTime,ctime,ino",
                            LinkOption.NOFOLLOW_LINKS);
                    int type = ((Integer) a.get("mode")) & S_IFMT;
                    long size = (Long) a.get("size");
                    return new Entry(type == S_IFDIR, type == S_IFREG, type == S_IFLNK, size,
                            new FolderCache.FileStat(size, FolderCache.FileStat.nanos((FileTime) a.get("lastModifiedTime")),
                                    FolderCache.FileStat.nanos((FileTime) a.get("ctime")),
                                    ((Number) a.get("ino")).longValue(), null));
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    unix = false; // no unix view (Windows): size and modification time alone
                }
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Entry(a.isDirectory(), a.isRegularFile(), a.isSymbolicLink(), a.size(),
                    new FolderCache.FileStat(a.size(), FolderCache.FileStat.nanos(a.lastModifiedTime()), -1, -1, null));
        }
    }

    /**
     * Walks {@code folder} (at {@code depth} below {@code root}) without following links, with one lstat per entry
     * (a file tree walk takes one and the folder cache's change time and inode a second): folders are walked into
     * down to {@link #MAX_DEPTH} (ignored ones skipped), everything else, deeper folders included, is reported.
     */
    private static void walk(Path root, Path folder, int depth, Visitor visitor) throws IOException {
        Entry self;
        try {
            self = Entry.of(folder);
        } catch (IOException e) {
            visitor.failed(folder, e);
            return;
        }
        if (!self.isDirectory() || depth >= MAX_DEPTH) {
            visitor.file(folder, self);
            return;
        }
        if (depth > 0 && isIgnored(folder)) {
            return;
        }
        visitor.folder(folder);
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
            list.forEach(entries::add);
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        for (Path entry : entries) {
            walk(root, entry, depth + 1, visitor);
        }
    }

    static boolean isIgnored(Path p) {
        return SnapshotStore.isIgnored(p.getFileName().toString());
    }

    private static String relative(Path dir, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : dir.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    static String sha256(Path file) throws IOException {
        return SnapshotStore.sha256(file);
    }

    /** {@code sha256:} over "path NUL sha256 LF" of every file, in path order (see {@link SnapshotStore#idOf}). */
    private static String version(TreeMap<String, FileInfo> files) {
        TreeMap<String, String> hashes = new TreeMap<>();
        files.values().forEach(f -> hashes.put(f.path(), f.sha256()));
        return SnapshotStore.idOf(hashes);
    }
}
