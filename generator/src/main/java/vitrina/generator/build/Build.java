package vitrina.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import vitrina.generator.concurrent.Background;
import vitrina.generator.content.ContentLoader;
import vitrina.generator.content.ContentMemory;
import vitrina.generator.content.FolderCache;
import vitrina.generator.content.LoadResult;
import vitrina.generator.images.ImageProcessor;
import vitrina.generator.markdown.LinkResolver;
import vitrina.generator.markdown.MarkdownRenderer;
import vitrina.generator.materials.MaterialInspector;
import vitrina.generator.model.Exhibition;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.Material;
import vitrina.generator.model.Photo;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;
import vitrina.generator.output.FolderWatch;
import vitrina.generator.output.ManifestJson;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.output.OutputSeal;
import vitrina.generator.output.SiteWriter;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;
import vitrina.generator.render.Routes;
import vitrina.generator.render.SiteRenderer;
import vitrina.generator.render.StandContent;
import vitrina.generator.render.StandSummary;
import vitrina.generator.search.SearchIndexBuilder;

/**
 * One build: the stages in execution order. Content mistakes become problems in the report; only an unusable
 * site.yaml or a bug makes the build fatal, and then the previous site stays in place.
 */
public final class Build {
    private static final int PROBLEM_CAP = 5_000;
    private static final int RELATED = 4;

    private final BuildOptions options;

    public Build(BuildOptions options) {
        this.options = options;
    }

    /** Validates content without writing anything (for {@code vitrina check} and schools' CI). */
    public BuildReport check() {
        Problems problems = Problems.tracking(PROBLEM_CAP);
        StageTimer timer = new StageTimer(options.progress());
        LoadResult loaded = timer.time("Проверка содержимого", 0, () -> load(problems));
        Exhibition ex = loaded.exhibition();
        if (ex != null) {
            MarkdownRenderer markdown = new MarkdownRenderer();
            timer.time("Проверка страниц", ex.stands().size(), () -> ex.stands().parallelStream().forEach(stand -> {
                LinkResolver links = new CheckLinks(stand);
                for (Section s : stand.sections()) {
                    markdown.render(s.markdown(), s.file(), s.bodyLine(), links, sink(problems, stand.id()));
                }
                options.progress().step();
            }));
        }
        return report(ex == null, ex, loaded, problems, timer, null, null);
    }

    /**
     * Builds the site into a staging folder and swaps it in. Streams stand by stand: while content loads, each stand
     * is prepared (Markdown, photos, material texts) into the on-disk stand cache and only a light copy without
     * Markdown stays in memory; the search pass and the render pass then read one cache entry at a time. Stands
     * whose cache entry or rendered pages are still valid skip that work (incremental rebuilds).
     */
    public BuildReport run() {
        BuildLock lock;
        try {
            lock = BuildLock.tryAcquire(options.workDir()).orElse(null);
            if (lock == null) {
                return busy();
            }
        } catch (IOException e) {
            lock = null; // no lock to be had (a read-only folder): the build reports what it cannot write
        }
        try {
            if (lock != null) { // no other build is writing: what killed builds left beside the site goes
                SiteWriter.removeLeftovers(options.outDir());
            }
            return runLocked();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Another build holds the work folder: nothing is written, not even the reports (they are that build's). */
    private BuildReport busy() {
        Problems problems = Problems.tracking(PROBLEM_CAP);
        Path file = options.workDir().resolve(BuildLock.FILE);
        problems.add(Problem.error(file.toString(), 0, 0, "build.busy",
                "В рабочей папке " + options.workDir().toAbsolutePath().normalize()
                        + " уже идёт другая сборка (vitrina build или vitrina serve).",
                "Дождитесь её окончания или укажите для этой сборки другую рабочую папку (--work) и папку сайта (--out)."));
        return report(true, null, new LoadResult(null, List.of()), problems, new StageTimer(options.progress()), null,
                null);
    }

    private BuildReport runLocked() {
        Problems problems = Problems.tracking(PROBLEM_CAP);
        StageTimer timer = new StageTimer(options.progress());
        prints = new Prints();
        String generator = BuildKeys.generator();
        // its term table is kept with the stands' analyzed documents, which are stored with its term ids
        SearchIndexBuilder search = new SearchIndexBuilder(List.of(),
                options.cacheDir().resolve("stands").resolve("terms.bin"));
        if (!defaultThemeFound(problems)) { // before stands are prepared: that takes minutes on a large exhibition
            return writeReports(report(true, null, new LoadResult(null, List.of()), problems, timer, null, null), null);
        }
        List<AutoCloseable> closing = new ArrayList<>(); // record files: their previous generation stays open
        // the daemon watches the site folder between its builds (null elsewhere)
        FolderWatch watch = FolderWatch.inDaemon(options.outDir(), options.workDir().resolve("watch").resolve("site"));
        FolderWatch.View[] watchView = {null};
        // the previous manifest and the walk of the previous site are read while the content loads
        java.util.concurrent.CompletableFuture<SiteWriter> site = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    // what the daemon's watch saw since the previous build: counted up to now, before any write
                    FolderWatch.View view = watch == null ? null : watch.begin();
                    watchView[0] = view;
                    // the seal first: it must name the manifest as read, not one written since
                    String manifestKey = OutputSeal.manifestKey(manifestFile());
                    OutputSeal seal = OutputSeal.read(sealFile(), options.outDir(), manifestKey).orElse(null);
                    return SiteWriter.staging(options.outDir(), ManifestJson.read(manifestFile())).sealedAt(seal)
                            .watchedAs(view != null && view.trusts(manifestKey) ? view : null)
                            .precompress(options.precompress()).readTargetAhead();
                }, BACKGROUND);
        closing.add(() -> site.thenAccept(SiteWriter::close).join()); // a build that ends early leaves no staging
        try { // the search index spills documents to a temporary file: deleted however the build ends
            removeLegacyCaches();
            Preparer preparer = new Preparer(new StandCache(options.cacheDir().resolve("stands"), generator), search);
            closing.add(preparer.cache::close);
            ContentLoader loader = new ContentLoader(options.clock());
            preparer.cache.standsKey(loader::loadingStandsKey);
            // an unchanged folder is not read again: its stand comes from the folder cache, its pages from the
            // stand cache (and only while they are there)
            FolderCache folders = new FolderCache(options.cacheDir().resolve("folders.bin"), generator,
                    preparer.cache::has);
            closing.add(folders);
            // in the build daemon: the stand folders are watched between builds (null elsewhere)
            ContentMemory memory = options.onlyStand() == null
                    ? ContentMemory.inDaemon(options.contentDir(), options.workDir()) : null;
            if (memory != null) {
                memory.begin();
                folders.memory(memory);
            }
            LoadResult loaded = timer.time("Чтение и подготовка стендов", countStandFolders(),
                    () -> options.onlyStand() != null
                            ? loader.loadOnly(options.contentDir(), options.onlyStand(), problems, preparer::lighten)
                            : loader.load(options.contentDir(), problems, preparer::lighten, folders));
            Exhibition ex = loaded.exhibition();
            if (ex == null) {
                return writeReports(report(true, null, loaded, problems, timer, null, null), null);
            }
            prints.standsKey(loader.standsKey(ex.site()));
            List<Path> themes = themeDirs(ex, problems);
            if (themes == null) {
                return writeReports(report(true, ex, loaded, problems, timer, null, null), null);
            }
            try (SiteWriter writer = Background.join(site)) {
                OutputManifest previous = writer.previousManifest();
                search.nominations(ex.site().nominations());
                Stages stages = new Stages(themes, ex, writer, problems, preparer, search, generator);
                closing.add(stages.rendered);
                closing.add(stages.pages);
                Map<StandId, Map<String, ImageSet>> images = new ConcurrentHashMap<>();
                String searchKey = searchKey(ex, generator, preparer.cache);
                Map<StandId, List<StandId>> reused = stages.searchCache.reuse(searchKey, writer).orElse(null);
                Map<StandId, List<StandId>> related = timer.time("Поисковый индекс", ex.stands().size(), () -> {
                    ex.stands().parallelStream().forEach(stand -> images.put(stand.id(),
                            reused != null ? stages.register(stand) : stages.index(stand)));
                    return reused != null ? reused : stages.search.related(RELATED);
                });
                Map<String, RenderedMarkdown> pages = stages.staticPages(ex, reused == null);
                // the index files depend on nothing rendered below: read and written meanwhile, on a thread of their own
                java.util.concurrent.CompletableFuture<Void> searchFiles = reused != null
                        ? java.util.concurrent.CompletableFuture.completedFuture(null)
                        : java.util.concurrent.CompletableFuture.runAsync(() -> {
                            search.write(writer);
                            writeNearDuplicates(search.nearDuplicates(0.5));
                        }, BACKGROUND);
                java.util.concurrent.CompletableFuture<Void> openData = null;
                try {
                    ResultsStage results = timer.time("Результаты конкурса", 0,
                            () -> ResultsStage.compute(options, ex, stages.markdown, problems));
                    stages.renderer.registerResults(results.view());
                    // open data and diplomas need the results and the stands, nothing rendered: written meanwhile
                    LaterProgress openDataProgress = new LaterProgress(options.progress());
                    openData = java.util.concurrent.CompletableFuture.runAsync(
                            () -> results.write(writer, options.reportDir(), openDataProgress), BACKGROUND);
                    // result cards are part of stand pages: a change in the results re-renders every stand
                    String siteKey = BuildKeys.site(options.contentDir(), ex.pages(), themes, generator) + ":"
                            + results.fingerprint();
                    timer.time("Страницы стендов", ex.stands().size(), () -> {
                        stages.renderer.registerPages(ex.pages());
                        ex.stands().parallelStream().forEach(stand -> stages.render(stand, siteKey,
                                related.getOrDefault(stand.id(), List.of()), images.get(stand.id())));
                    });
                    stages.renderer.reuseListings(stages.pages, siteKey, prints::summary);
                    timer.time("Каталог и страницы", 0, () -> stages.renderer.renderSite(ex.pages(), pages));
                    java.util.concurrent.CompletableFuture<Void> written = openData;
                    timer.time("Открытые данные и дипломы", results.documents(), () -> {
                        openDataProgress.shown();
                        Background.join(written);
                    });
                    timer.time("Поисковый индекс: запись", 0, () -> {
                        Background.join(searchFiles);
                    });
                } finally { // never leave them writing into a staging folder being deleted
                    Background.settle(searchFiles);
                    if (openData != null) {
                        Background.settle(openData);
                    }
                }
                if (reused == null) {
                    Map<String, OutputManifest.Entry> index = new TreeMap<>(writer.writtenUnder("search/"));
                    index.keySet().removeIf(path -> path.endsWith(".html")); // the search page is the renderer's
                    stages.searchCache.store(searchKey, related, index);
                }
                // the problems are all known: the schools' reports are written while the site is committed
                BuildReport early = report(false, ex, loaded, problems, timer, null, null);
                java.util.concurrent.CompletableFuture<List<String>> schoolReports = java.util.concurrent
                        .CompletableFuture.supplyAsync(() -> SchoolReports.writeReports(options.reportDir(), early, ex,
                                early.published()), BACKGROUND);
                OutputManifest manifest;
                try {
                    manifest = timer.time("Запись сайта", 0, writer::commit);
                } finally {
                    Background.settle(schoolReports); // not left writing
                }
                keepAsPrevious(previous);
                ManifestJson.write(manifest, manifestFile());
                if (memory != null) { // the stand folders are watched first: each spares more than a site folder
                    memory.committed();
                }
                // the next build checks the site against this manifest by the files' change times since the seal (and
                // in the daemon by what its watch reported since this build began)
                String manifestKey = OutputSeal.manifestKey(manifestFile());
                if (OutputSeal.write(sealFile(), options.outDir(), manifestKey) && watchView[0] != null) {
                    watch.committed(watchView[0], manifestKey, manifest.files().keySet());
                }
                // the records vouch for files of the committed site: written after it, never before
                boolean partial = options.onlyStand() != null; // one stand's preview: the others stay recorded
                search.saveTerms(); // before the stand records that may vouch for stands stored with new terms
                preparer.cache.commit(partial);
                stages.rendered.commit(partial);
                stages.pages.commit(partial);
                markWarm(ex.stands().size());
                BuildReport report = report(false, ex, loaded, problems, timer, manifest, manifest.diff(previous));
                // what this build published is recorded for the next summary now that the site is committed
                SchoolReports.recordPublished(options.reportDir(), Background.join(schoolReports));
                // nothing adds problems after the stages; were it to, the schools' reports are written again
                return writeReports(report, ex, report.problems().equals(early.problems()));
            }
        } finally {
            search.close();
            closing.forEach(Build::closeQuietly);
        }
    }

    /** Where a build's background work runs. */
    private static final java.util.concurrent.Executor BACKGROUND =
            Background.thread("vitrina-build-background");

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a cache file left behind is overwritten by the next build
        }
    }

    /**
     * Hashes of what a stand record and a stand's summary (as shown on other stands' pages) say, each made once per
     * build: a stand's text form is long, and every stand's key names four related stands.
     */
    private static final class Prints {
        private final Map<StandId, String> stands = new ConcurrentHashMap<>();
        private final Map<StandId, Print> summaries = new ConcurrentHashMap<>();
        private volatile String loaded = "";

        /** What every stand as loaded depends on besides its files (see {@link ContentLoader#standsKey}). */
        void standsKey(String key) {
            loaded = BuildKeys.sha256(key);
        }

        /**
         * For the stands of the exhibition (one record per id). A loaded stand is a function of its folder name, its
         * files' version and the loader's key; moderation adds the approval date. Hashing these few fields stands
         * for hashing the whole record's text (which cost a second per 10,000 stands).
         */
        String stand(Stand s) {
            return stands.computeIfAbsent(s.id(), id -> BuildKeys.sha256(loaded + "\n" + id.value() + "\n"
                    + s.version() + "\n" + s.approved()));
        }

        /** For stands registered with the renderer, once all are. */
        String summary(StandId id, SiteRenderer renderer) {
            StandSummary s = renderer.summary(id);
            return s == null ? "-" : summary(s);
        }

        /**
         * A summary's hash, made once per stand (again only for a summary that differs from the first). Made of what
         * the summary shows, not of its stand's version: an edit of a stand's pages leaves the listings and the
         * related blocks naming it as they were.
         */
        String summary(StandSummary s) {
            Print p = summaries.get(s.id());
            if (p != null && p.summary().equals(s)) {
                return p.print();
            }
            String print = BuildKeys.sha256(s.toString());
            summaries.putIfAbsent(s.id(), new Print(s, print));
            return print;
        }

        private record Print(StandSummary summary, String print) {
        }
    }

    /** This run's; a new set each run. */
    private Prints prints = new Prints();

    /** The generator's code as the caches know it (a rebuilt jar changes it): a long-lived JVM compares it. */
    public static String generatorKey() {
        return BuildKeys.generator();
    }

    /** Where a build that committed its caches records which generator made them (see {@link #warmCache}). */
    private static final String WARM = "warm";

    /**
     * Records that the caches now hold a complete build by this generator, of {@code stands} stands: the next run of
     * the CLI may then choose a JVM for a short run (see {@code ShortRunJvm}). Only a hint: losing it costs speed.
     */
    private void markWarm(int stands) {
        try {
            Files.writeString(options.cacheDir().resolve(WARM), BuildKeys.generator() + "\n" + stands + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the next build runs in a JVM for a long run, as the first one did
        }
    }

    /**
     * The number of stands of the last build whose caches this generator can reuse, read from the work folder
     * {@code workDir}; empty when there was none, or when another generator (another version or build of it) made
     * them. Reads one small file: the CLI asks before it starts a build.
     */
    public static java.util.OptionalInt warmCache(Path workDir) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("cache").resolve(WARM), StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(BuildKeys.generator())) {
                return java.util.OptionalInt.of(Integer.parseInt(lines.get(1)));
            }
        } catch (IOException | RuntimeException e) {
            // no such file, or not one this generator wrote
        }
        return java.util.OptionalInt.empty();
    }

    /**
     * Per-stand cache files of earlier versions (now one record file per kind): 50,000 files nobody reads any more.
     * Their folder cache folder tells such a cache; removed once.
     */
    private void removeLegacyCaches() {
        Path folders = options.cacheDir().resolve("folders");
        if (!Files.isDirectory(folders, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            try (var files = Files.newDirectoryStream(options.cacheDir().resolve("stands"), "*.head")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // no stand cache
            }
            for (Path dir : List.of(options.cacheDir().resolve("render"), folders)) { // the marker last
                if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (var files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException e) {
            // left for the next build
        }
    }

    /** Everything the search index and related stands are made of; unchanged key, unchanged search files. */
    private String searchKey(Exhibition ex, String generator, StandCache cache) {
        // hashed as it goes: 50,000 stands' descriptions would not fit in one string
        java.security.MessageDigest md = BuildKeys.digest();
        BuildKeys.update(md, generator);
        BuildKeys.update(md, BuildKeys.site(options.contentDir(), List.of(), List.of(), ""));
        for (StaticPage p : ex.pages()) {
            BuildKeys.update(md, p.toString());
        }
        ex.stands().parallelStream().forEach(prints::stand); // hashed on both cores, kept for the render keys
        for (Stand s : ex.stands()) {
            BuildKeys.update(md, cache.key(s) + " " + prints.stand(s));
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private int countStandFolders() {
        if (options.onlyStand() != null) {
            return 1;
        }
        try (var list = Files.list(options.contentDir().resolve("stands"))) {
            return (int) list.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private LoadResult load(Problems problems) {
        return new ContentLoader(options.clock()).load(options.contentDir(), problems);
    }

    /** The previous build's manifest becomes manifest.previous.json (moved, not written again: 13 MB at 10,000). */
    private void keepAsPrevious(OutputManifest previous) {
        Path to = options.reportDir().resolve("manifest.previous.json");
        try {
            if (!previous.files().isEmpty() && Files.isRegularFile(manifestFile())) {
                Files.move(manifestFile(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        } catch (IOException e) {
            // written below
        }
        ManifestJson.write(previous, to);
    }

    private Path manifestFile() {
        return options.reportDir().resolve("manifest.json");
    }

    /** The seal of the site folder as the manifest describes it (see {@link OutputSeal}). */
    private Path sealFile() {
        return options.cacheDir().resolve("site.seal");
    }

    private static ImageSet cover(Stand stand, Map<String, ImageSet> images) {
        Photo cover = stand.cover() != null ? stand.cover() : stand.photos().isEmpty() ? null : stand.photos().get(0);
        return cover == null ? null : images.get(cover.path());
    }

    /** Theme folders, most specific first; null (with a problem) when a configured theme does not exist. */
    private List<Path> themeDirs(Exhibition ex, Problems problems) {
        List<Path> dirs = new ArrayList<>();
        Path override = options.themeDir();
        if (override == null && ex.site().theme() != null) {
            String name = ex.site().theme();
            override = name.contains("/") ? options.contentDir().toAbsolutePath().getParent().resolve(name)
                    : options.defaultTheme().toAbsolutePath().getParent().resolve(name);
        }
        if (override != null && !override.toAbsolutePath().normalize()
                .equals(options.defaultTheme().toAbsolutePath().normalize())) {
            if (!Files.isDirectory(override)) {
                problems.add(Problem.error("site.yaml", 0, 0, "site.theme.missing",
                        "Папка темы «" + override + "» не найдена",
                        "Укажите существующую папку темы в --theme или в поле theme файла site.yaml"));
                return null;
            }
            dirs.add(override);
        }
        if (!defaultThemeFound(problems)) {
            return null;
        }
        dirs.add(options.defaultTheme());
        return dirs;
    }

    /** False (with a problem) when the default theme is missing, typically when vitrina runs outside the project. */
    private boolean defaultThemeFound(Problems problems) {
        if (Files.isDirectory(options.defaultTheme().resolve("templates"))) {
            return true;
        }
        problems.add(Problem.error("site.yaml", 0, 0, "site.theme.missing",
                "Тема по умолчанию не найдена: " + options.defaultTheme().toAbsolutePath(),
                "Запустите vitrina из корня проекта или укажите путь к themes/default через --default-theme"));
        return false;
    }

    private BuildReport report(boolean fatal, Exhibition ex, LoadResult loaded, Problems problems, StageTimer timer,
                               OutputManifest manifest, OutputManifest.Diff diff) {
        List<String> published = ex == null || fatal ? List.of()
                : ex.stands().stream().map(s -> s.id().value()).toList();
        return new BuildReport(fatal, published, loaded.leftOut(), problems.all(), problems.errorCount(),
                problems.warningCount(), timer.stages(), manifest, diff);
    }

    /** The build report goes beside the site (never into it): it names stands that are not public. */
    private BuildReport writeReports(BuildReport report, Exhibition ex) {
        return writeReports(report, ex, false);
    }

    /** {@code schoolsWritten}: the schools' reports were written from this report's problems already. */
    private BuildReport writeReports(BuildReport report, Exhibition ex, boolean schoolsWritten) {
        try {
            Files.createDirectories(options.reportDir());
            Files.writeString(options.reportDir().resolve("build-report.json"), ReportJson.toJson(report),
                    StandardCharsets.UTF_8);
            Files.writeString(options.reportDir().resolve("build-report.txt"), ReportJson.toText(report),
                    StandardCharsets.UTF_8);
            if (!schoolsWritten) {
                SchoolReports.write(options.reportDir(), report, ex, report.published());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build report into " + options.reportDir(), e);
        }
        return report;
    }

    static Consumer<Problem> sink(Problems problems, StandId id) {
        return p -> problems.add(p.standId() == null ? p.forStand(id.value()) : p);
    }

    /** A stand after the expensive per-stand work, ready to index and render. */
    record Prepared(Stand stand, Map<String, RenderedMarkdown> sections, Map<String, ImageSet> images,
                    Map<String, String> materialUrls, Map<String, String> materialTexts, List<Problem> problems,
                    Map<String, StandContent.MaterialPreview> previews) {
    }

    /** Prepares stands into the stand cache as they load (any thread); unchanged stands are not prepared again. */
    private final class Preparer {
        final StandCache cache;
        final ImageProcessor images = new ImageProcessor(options.cacheDir().resolve("images"));
        final MaterialInspector materials = new MaterialInspector(options.cacheDir().resolve("materials"));
        final MarkdownRenderer markdown = new MarkdownRenderer();
        final SearchIndexBuilder search;

        Preparer(StandCache cache, SearchIndexBuilder search) {
            this.cache = cache;
            this.search = search;
        }

        Stand lighten(Stand stand) {
            Stand light = stand.withoutMarkdown();
            if (!cache.has(stand)) {
                Prepared p = prepare(stand);
                cache.write(p);
                // analyzed while the pages are in memory, kept on disk (not in memory: 50,000 stands' term lists
                // would not fit); the search pass reads them back
                cache.writeSearch(light, search.bytes(search.analyzeStand(light, p.sections(), p.materialTexts(),
                        p.materialUrls())));
            }
            options.progress().step();
            return light;
        }

        Prepared prepare(Stand stand) {
            List<Problem> found = new ArrayList<>();
            Consumer<Problem> sink = p -> found.add(p.standId() == null ? p.forStand(stand.id().value()) : p);
            Map<String, ImageSet> sets = new TreeMap<>();
            List<Photo> photos = new ArrayList<>(stand.photos());
            if (stand.logo() != null) {
                photos.add(stand.logo());
            }
            if (stand.cover() != null && photos.stream().noneMatch(p -> p.path().equals(stand.cover().path()))) {
                photos.add(stand.cover());
            }
            for (Photo photo : photos) {
                images.process(photo.source(), photo.urlName(), standFile(stand, photo.path()), sink)
                        .ifPresent(set -> sets.put(photo.path(), set));
            }
            Map<String, String> urls = new TreeMap<>();
            Map<String, String> texts = new TreeMap<>();
            Map<String, StandContent.MaterialPreview> previews = new TreeMap<>();
            for (Material m : stand.materials()) {
                urls.put(m.path(), Routes.material(stand.id(), m.urlName()));
                MaterialInspector.MaterialInfo info = materials.inspect(m, standFile(stand, m.path()), sink);
                if (!info.text().isEmpty()) {
                    texts.put(m.path(), info.text());
                }
                if (info.pages() > 0 || info.preview() != null) {
                    previews.put(m.path(), new StandContent.MaterialPreview(info.pages(), info.preview()));
                }
            }
            StandLinks links = new StandLinks(stand, sets);
            Map<String, RenderedMarkdown> sections = new LinkedHashMap<>();
            for (Section s : stand.sections()) {
                sections.put(s.slug(), markdown.render(s.markdown(), s.file(), s.bodyLine(), links, sink));
            }
            return new Prepared(stand, sections, sets, urls, texts, found, previews);
        }
    }

    /** The stage objects of one build, shared by all threads. */
    private final class Stages {
        final MarkdownRenderer markdown = new MarkdownRenderer();
        final SearchIndexBuilder search;
        final SiteRenderer renderer;
        final Problems problems;
        final StandCache cache;
        final RenderCache rendered;
        final PageCache pages;
        final SearchCache searchCache = new SearchCache(options.cacheDir().resolve("search.txt"));
        final SiteWriter writer;

        Stages(List<Path> themes, Exhibition ex, SiteWriter writer, Problems problems, Preparer preparer,
               SearchIndexBuilder search, String generator) {
            this.rendered = new RenderCache(options.cacheDir().resolve("render.bin"), generator);
            this.pages = new PageCache(options.cacheDir().resolve("pages.bin"), generator, writer);
            this.renderer = new SiteRenderer(themes, ex.site(), writer);
            this.search = search;
            this.problems = problems;
            this.cache = preparer.cache;
            this.writer = writer;
        }

        /**
         * Indexes a published stand, reports its problems and registers it; returns its image variants. The similar
         * stands need only the stand's signature: when one is kept from an earlier build, it is added and the stand's
         * stored documents are added as they are ({@link #documents}), not analyzed again. Otherwise the search
         * documents come from the stand cache (analyzed when the stand was prepared, in this build or an earlier one),
         * or from analyzing the cached pages (and are then stored for the next build), with the signature. All
         * documents are in when this stage ends: the index files are then written beside the stand pages, from the
         * start of their stage (documents added there instead took cores from the pages and left the index files
         * the build's last second).
         */
        Map<String, ImageSet> index(Stand stand) {
            String signatureKey = prints.stand(stand);
            java.util.Optional<StandCache.Head> kept = cache.head(stand);
            if (kept.isPresent() && cache.signature(stand, signatureKey).filter(this::addSignature).isPresent()) {
                problems.addAll(kept.get().problems());
                documents(stand);
                renderer.register(stand, cover(stand, kept.get().images()));
                options.progress().step();
                return kept.get().images();
            }
            SearchIndexBuilder.AnalyzedStand docs = cache.search(stand).map(this::readAnalyzed).orElse(null);
            boolean store = false;
            java.util.Optional<StandCache.Head> head = docs == null ? java.util.Optional.empty() : kept;
            Map<String, ImageSet> images;
            if (head.isPresent()) { // the small part of the entry is enough
                problems.addAll(head.get().problems());
                images = head.get().images();
            } else {
                Prepared p = prepared(stand);
                problems.addAll(p.problems());
                docs = search.analyzeStand(stand, p.sections(), p.materialTexts(), p.materialUrls());
                store = true;
                images = p.images();
            }
            byte[] signature = search.signature(docs); // made once: added from its bytes, as a later build adds it
            if (!addSignature(signature)) {
                throw new IllegalStateException("the signature just made does not read back: " + stand.id());
            }
            search.addDocuments(docs);
            if (store) {
                cache.writeSearch(stand, search.bytes(docs));
            }
            cache.writeSignature(stand, signatureKey, signature);
            renderer.register(stand, cover(stand, images));
            options.progress().step();
            return images;
        }

        private boolean addSignature(byte[] signature) {
            try {
                search.addSignature(signature);
                return true;
            } catch (java.io.IOException e) {
                return false; // a damaged copy is a miss: the stand's documents give it again
            }
        }

        /** Adds the documents of a stand whose signature {@link #index} took from the cache. */
        void documents(Stand stand) {
            SearchIndexBuilder.AnalyzedStand docs = cache.search(stand).map(this::readAnalyzed).orElse(null);
            if (docs == null) {
                Prepared p = prepared(stand);
                docs = search.analyzeStand(stand, p.sections(), p.materialTexts(), p.materialUrls());
                cache.writeSearch(stand, search.bytes(docs));
            }
            search.addDocuments(docs);
        }

        private SearchIndexBuilder.AnalyzedStand readAnalyzed(byte[] bytes) {
            try {
                return search.readAnalyzed(bytes);
            } catch (java.io.IOException e) {
                return null; // a damaged copy is a miss: the stand's pages are analyzed again
            }
        }

        /** Like {@link #index} when the search index is taken over: reads only the small part of the entry. */
        Map<String, ImageSet> register(Stand stand) {
            StandCache.Head head = cache.head(stand).orElseThrow(() -> new IllegalStateException(
                    "stand cache entry vanished during the build: " + stand.id()));
            cache.keepSignature(stand);
            problems.addAll(head.problems());
            renderer.register(stand, cover(stand, head.images()));
            options.progress().step();
            return head.images();
        }

        /** Renders a stand's pages, or takes them over from the previous site when nothing they show changed. */
        void render(Stand stand, String siteKey, List<StandId> related, Map<String, ImageSet> images) {
            StringBuilder key = new StringBuilder(siteKey).append('\n').append(cache.key(stand)).append('\n')
                    .append(stand.approved()).append('\n').append(prints.stand(stand));
            related.forEach(r -> key.append('\n').append(prints.summary(r, renderer)));
            String renderKey = BuildKeys.sha256(key.toString());
            if (rendered.reuse(stand.id(), renderKey, writer)) {
                renderer.adoptStand(stand, images);
            } else {
                Prepared p = cache.readForPages(stand).orElseThrow(() -> new IllegalStateException(
                        "stand cache entry vanished during the build: " + stand.id()));
                renderer.renderStand(new StandContent(stand, p.sections(), p.images(), p.materialUrls(), related,
                        p.previews()));
                rendered.store(stand.id(), renderKey, writer.writtenUnder("stands/" + stand.id().value() + "/"));
            }
            options.progress().step();
        }

        private Prepared prepared(Stand stand) {
            return cache.read(stand).orElseThrow(() -> new IllegalStateException(
                    "stand cache entry vanished during the build: " + stand.id()));
        }

        /** The static pages' Markdown rendered, and added to the search index when it is built anew. */
        Map<String, RenderedMarkdown> staticPages(Exhibition ex, boolean toSearch) {
            Map<String, RenderedMarkdown> pages = new TreeMap<>();
            for (StaticPage page : ex.pages()) {
                RenderedMarkdown html = markdown.render(page.markdown(), page.file(), page.bodyLine(),
                        LinkResolver.none(), problems::add);
                pages.put(page.slug(), html);
                if (toSearch) {
                    search.addPage(page, html);
                }
            }
            return pages;
        }
    }

    /** Possible copying between stands, for organizers only: beside the site, never in it. */
    private void writeNearDuplicates(List<SearchIndexBuilder.NearDuplicate> pairs) {
        StringBuilder sb = new StringBuilder("similarity\tfirst_stand\tfirst_url\tsecond_stand\tsecond_url\n");
        for (SearchIndexBuilder.NearDuplicate d : pairs) {
            sb.append(String.format(java.util.Locale.ROOT, "%.3f", d.similarity())).append('\t').append(d.firstStand())
                    .append('\t').append(d.firstUrl()).append('\t').append(d.secondStand()).append('\t')
                    .append(d.secondUrl()).append('\n');
        }
        try {
            Files.createDirectories(options.reportDir());
            Files.writeString(options.reportDir().resolve("near-duplicates.tsv"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write near-duplicates report", e);
        }
    }

    private static String standFile(Stand stand, String path) {
        return "stands/" + stand.id().value() + "/" + path;
    }

    /** For {@code check}: every file/section link resolves; images are assumed fine (not processed). */
    private static final class CheckLinks implements LinkResolver {
        private final StandLinks links;
        private final Map<String, ImageRef> photos = new ConcurrentHashMap<>();

        CheckLinks(Stand stand) {
            this.links = new StandLinks(stand, Map.of());
            for (Photo p : stand.photos()) {
                photos.put(p.path(), new ImageRef(p.path(), p.path(), 1, 1));
            }
        }

        @Override
        public java.util.Optional<String> link(String target) {
            return links.link(target).or(() -> java.util.Optional.ofNullable(photos.get(target)).map(ImageRef::src));
        }

        @Override
        public java.util.Optional<ImageRef> image(String target) {
            return java.util.Optional.ofNullable(photos.get(target.startsWith("./") ? target.substring(2) : target));
        }
    }
}
