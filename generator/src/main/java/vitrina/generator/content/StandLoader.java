package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.Translit;

/**
 * Loads one stand folder into a {@link Stand}: safe walk, stand.yaml, sections, materials and photos. Never throws
 * for content mistakes; an I/O failure becomes an error of this stand. Thread-safe: stands load in parallel.
 */
final class StandLoader {
    private final Path contentDir;
    private final SiteConfig site;
    private final int contestYear;
    private final FolderCache cache;
    /** Everything besides the folder's files that a loaded stand depends on. */
    private final String loaderKey;

    StandLoader(Path contentDir, SiteConfig site, int contestYear) {
        this(contentDir, site, contestYear, null);
    }

    /** @param cache remembers folders between builds; null: none */
    StandLoader(Path contentDir, SiteConfig site, int contestYear, FolderCache cache) {
        this.contentDir = contentDir;
        this.site = site;
        this.contestYear = contestYear;
        this.cache = cache;
        this.loaderKey = key(site, contestYear);
    }

    /** Everything besides its folder's files a stand as loaded depends on. */
    static String key(SiteConfig site, int contestYear) {
        return site + "\n" + contestYear;
    }

    /** The result for one folder: the stand (null when left out), its problems and the reason it is left out. */
    record Outcome(String folder, Stand stand, List<vitrina.generator.problem.Problem> problems, String reason) {
    }

    Outcome load(String folder) {
        return load(folder, contentDir.resolve("stands").resolve(folder));
    }

    /** Loads a stand from {@code dir} (an approved snapshot, say) while naming files as {@code stands/<folder>/…}. */
    Outcome load(String folder, Path dir) {
        Issues issues = new Issues(folder);
        String relDir = "stands/" + folder;
        if (!StandId.isValid(folder)) {
            String suggested = Optional.of(Translit.slug(folder)).filter(s -> !s.isEmpty()).orElse("shkola-1");
            issues.in(relDir).error(0, 0, "stand.folder.invalid-id", "Имя папки стенда «" + folder + "» не подходит для адреса.",
                    "Переименуйте папку в «" + suggested + "»: только строчные латинские буквы, цифры и дефисы.");
            return new Outcome(folder, null, issues.list(), "имя папки не подходит для адреса");
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            issues.in(relDir).error(0, 0, "stand.symlink", "«" + relDir + "» — не папка, а ссылка или файл.",
                    "Положите материалы стенда в обычную папку stands/" + folder + "/.");
            return new Outcome(folder, null, issues.list(), "не папка");
        }
        try {
            Stand stand = read(dir, relDir, folder, issues);
            if (stand == null || issues.hasErrors()) {
                return new Outcome(folder, null, issues.list(), "ошибки в стенде: " + issues.firstError());
            }
            return new Outcome(folder, stand, issues.list(), null);
        } catch (IOException | RuntimeException e) {
            issues.in(relDir).error(0, 0, "stand.io", "Не удалось прочитать стенд: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "Проверьте права доступа к файлам стенда и повторите сборку.");
            return new Outcome(folder, null, issues.list(), "не удалось прочитать стенд");
        }
    }

    private Stand read(Path dir, String relDir, String folder, Issues issues) throws IOException {
        if (cache == null) {
            return read(dir, relDir, folder, issues, StandFolder.scan(dir, relDir, site.limits(), issues));
        }
        FolderCache.Known known = cache.read(dir, loaderKey);
        Stand remembered = known.stand();
        // in the build daemon: a folder that did not change since the last build loaded it is not walked again
        ContentMemory memory = dir.equals(contentDir.resolve("stands").resolve(folder)) ? cache.memory() : null;
        if (memory != null && remembered != null && memory.quiet(folder, loaderKey) && cache.usable(remembered)) {
            known.problems().forEach(issues::add);
            memory.remember(folder, loaderKey, memory.previousFolders(folder));
            return remembered;
        }
        StandFolder files = StandFolder.scan(dir, relDir, site.limits(), issues, known.files(), cache.now());
        if (remembered != null && !issues.hasErrors() && remembered.version().equals(files.version())
                && cache.usable(remembered)) {
            known.problems().forEach(issues::add);
            if (!files.settled().equals(known.files())) {
                cache.write(dir, loaderKey, files.settled(), remembered, known.problems());
            }
            if (memory != null) {
                memory.remember(folder, loaderKey, ContentMemory.folders(folder, files));
            }
            return remembered;
        }
        Stand stand = read(dir, relDir, folder, issues, files);
        boolean loaded = stand != null && !issues.hasErrors();
        cache.write(dir, loaderKey, files.settled(), loaded ? stand.withoutMarkdown() : null,
                loaded ? issues.list() : List.of());
        if (memory != null && loaded) { // its record now holds the stand: the next build may take it unwalked
            memory.remember(folder, loaderKey, ContentMemory.folders(folder, files));
        }
        return stand;
    }

    private Stand read(Path dir, String relDir, String folder, Issues issues, StandFolder files) throws IOException {
        Issues.At yamlOut = issues.in(relDir + "/stand.yaml");
        StandFolder.FileInfo yamlFile = files.files().get("stand.yaml");
        if (yamlFile == null) {
            yamlOut.error(0, 0, "stand.yaml.missing", "В папке стенда нет файла stand.yaml со сведениями об организации.",
                    "Создайте stand.yaml с полями name, short_name, type, region, city, inn, ogrn, founded, nominations "
                            + "(образец — в CONTENT.md).");
            return null;
        }
        Optional<YamlNode> root = TextReader.read(yamlFile.source(), yamlOut).flatMap(t -> YamlReader.parse(t, 0, yamlOut));
        if (root.isEmpty()) {
            return null;
        }
        if (!root.get().isMap()) {
            yamlOut.error(root.get(), "stand.field.type", "stand.yaml должен состоять из полей вида «name: ...».",
                    "Начните файл со строки: name: \"Полное название организации\"");
            return null;
        }
        StandFile standFile = new StandValidator(site, contestYear).validate(Fields.root(root.get(), yamlOut, "stand"));
        var sections = new SectionReader(relDir, issues).read(files, standFile.sections());
        StandMedia.Result media = new StandMedia(files, relDir, issues).build(standFile);
        if (standFile.org() == null) {
            return null;
        }
        return new Stand(new StandId(folder), standFile.org(), standFile.nominations(), sections, media.materials(),
                media.photos(), media.logo(), media.cover(), files.version(), null);
    }
}
