package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
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

    private StandFolder(TreeMap<String, FileInfo> files, Map<String, FolderCache.FileStat> settled) {
        this.files = files;
        this.settled = settled;
        this.version = version(files);
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
        Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(dir) && isIgnored(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir, file);
                Issues.At out = issues.in(relDir + "/" + rel);
                if (isIgnored(file)) {
                    return FileVisitResult.CONTINUE;
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
                        FolderCache.FileStat stat = FolderCache.FileStat.of(file, attrs);
                        FolderCache.FileStat before = known.get(rel);
                        sha = stat.sameAs(before) ? before.sha256() : sha256(file);
                        if (stat.settledBefore(readAt)) {
                            settled.put(rel, stat.withHash(sha));
                        }
                    }
                    files.put(rel, new FileInfo(rel, file, attrs.size(), sha));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                issues.in(relDir + "/" + relative(dir, file)).error(0, 0, "stand.file.unreadable",
                        "Не удалось прочитать «" + relative(dir, file) + "»: " + e.getClass().getSimpleName(),
                        "Проверьте права доступа к файлу.");
                return FileVisitResult.CONTINUE;
            }
        });
        if (total[0] > limits.standBytes()) {
            issues.in(relDir).error(0, 0, "stand.too-large", "Стенд занимает " + megabytes(total[0]) + " МБ, а допустимо не более "
                    + limits.standMb() + " МБ.", "Уменьшите фотографии и сожмите материалы или уберите лишние файлы.");
        }
        return new StandFolder(files, settled);
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
