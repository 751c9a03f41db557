package vitrina.generator.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vitrina.generator.model.StandId;
import vitrina.generator.model.Translit;

/**
 * Turns each zip or folder dropped into an uploads folder into {@code content/stands/<id>/}. A rejected upload is
 * moved to the quarantine folder with a {@code .report.txt} beside it; an accepted one is moved to
 * {@code <uploads>/processed/}; a stand folder it replaces is kept in {@code <uploads>/replaced/}. Nothing is deleted.
 * Approved versions live in the snapshot store, which ingest never touches.
 */
public final class UploadIngest {
    private final IngestLimits limits;

    public UploadIngest(IngestLimits limits) {
        this.limits = limits;
    }

    public IngestReport ingest(Path uploads, Path contentDir, Path quarantine) throws IOException {
        List<IngestReport.Accepted> accepted = new ArrayList<>();
        List<IngestReport.Rejected> rejected = new ArrayList<>();
        List<Path> items;
        try (Stream<Path> s = Files.list(uploads)) {
            items = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !List.of("processed", "replaced").contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        for (Path item : items) {
            String upload = item.getFileName().toString();
            Path work = Files.createTempDirectory(contentDir.toAbsolutePath().getParent(), ".ingest-");
            try {
                IngestReport.Accepted a = accept(item, work, contentDir, uploads);
                accepted.add(a);
                moveAside(item, uploads.resolve("processed"));
            } catch (IngestException e) {
                rejected.add(new IngestReport.Rejected(upload, e.code(), e.getMessage(), e.hint()));
                Path moved = moveAside(item, quarantine);
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".report.txt"),
                        "Загрузка «" + upload + "» не принята.\n\n" + e.getMessage() + "\n→ " + e.hint() + "\n"
                                + "Код: " + e.code() + "\n");
            } finally {
                deleteTree(work);
            }
        }
        return new IngestReport(accepted, rejected);
    }

    private IngestReport.Accepted accept(Path item, Path work, Path contentDir, Path uploads)
            throws IngestException, IOException {
        List<String> notes = new ArrayList<>();
        String name = item.getFileName().toString();
        Path unpacked = work.resolve("unpacked");
        Files.createDirectories(unpacked);
        if (Files.isSymbolicLink(item)) {
            throw new IngestException("ingest.symlink", "«" + name + "» — символическая ссылка, а не файл или папка",
                    "Положите в папку загрузок сам архив или папку стенда");
        }
        int files;
        String base;
        if (Files.isDirectory(item, LinkOption.NOFOLLOW_LINKS)) {
            files = copyFolder(item, unpacked);
            base = name;
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            files = new SafeUnzip(limits).extract(item, unpacked);
            base = name.substring(0, name.length() - 4);
        } else {
            throw new IngestException("ingest.unknown", "«" + name + "» — не ZIP-архив и не папка",
                    "Загрузите стенд одним ZIP-архивом или папкой с файлом stand.yaml");
        }
        Path root = standRoot(unpacked);
        if (root != unpacked) {
            base = root.getFileName().toString();
        }
        String id = base;
        if (!StandId.isValid(id)) {
            id = Translit.slug(base);
            if (!StandId.isValid(id)) {
                throw new IngestException("ingest.id", "Из имени «" + base + "» не получается идентификатор стенда",
                        "Назовите архив или папку латиницей, например sochi-school-12.zip");
            }
            notes.add("идентификатор стенда «" + id + "» получен из имени «" + base + "»");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(TextRecoder::isText).sorted().toList()) {
                String what = TextRecoder.recode(f);
                if (what != null) {
                    notes.add(root.relativize(f).toString().replace('\\', '/') + ": " + what);
                }
            }
        }
        Path stands = contentDir.resolve("stands");
        Files.createDirectories(stands);
        Path target = stands.resolve(id);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            moveAside(target, uploads.resolve("replaced"));
            notes.add("прежняя рабочая версия папки сохранена в " + uploads.relativize(uploads.resolve("replaced")));
        }
        Files.move(root, target);
        return new IngestReport.Accepted(name, id, files, notes);
    }

    /** The folder holding stand.yaml: the top level, or a single folder inside it. */
    private static Path standRoot(Path unpacked) throws IngestException, IOException {
        if (Files.exists(unpacked.resolve("stand.yaml"))) {
            return unpacked;
        }
        try (Stream<Path> s = Files.list(unpacked)) {
            List<Path> dirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("__MACOSX"))
                    .toList();
            if (dirs.size() == 1 && Files.exists(dirs.get(0).resolve("stand.yaml"))) {
                return dirs.get(0);
            }
        }
        throw new IngestException("ingest.no-stand-yaml", "В загрузке нет файла stand.yaml",
                "Положите stand.yaml в корень архива (или в единственную папку внутри него) рядом с index.md");
    }

    private int copyFolder(Path from, Path to) throws IngestException, IOException {
        int[] count = {0};
        long[] total = {0};
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                        throw new Refused(new IngestException("ingest.symlink", "В папке есть символическая ссылка «"
                                + from.relativize(file) + "»", "Замените ссылку самим файлом"));
                    }
                    total[0] += attrs.size();
                    if (++count[0] > limits.maxEntries() || total[0] > limits.maxTotalBytes()
                            || attrs.size() > limits.maxFileBytes()) {
                        throw new Refused(new IngestException("ingest.folder.too-large", "Папка слишком велика: больше "
                                + limits.maxEntries() + " файлов или " + (limits.maxTotalBytes() >> 20) + " МБ",
                                "Оставьте только материалы стенда"));
                    }
                    Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (Refused r) {
            throw r.reason;
        }
        return count[0];
    }

    /** Carries an IngestException through the file visitor. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final transient IngestException reason;

        Refused(IngestException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** Moves a file or folder into {@code dir}, never overwriting: a numeric suffix keeps every copy. */
    private static Path moveAside(Path item, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = item.getFileName().toString();
        Path target = dir.resolve(name);
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = dir.resolve(name + "." + i);
        }
        return Files.move(item, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
