package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vitrina.generator.concurrent.Background;
import vitrina.generator.model.Exhibition;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StaticPage;
import vitrina.generator.problem.Problems;

/**
 * Loads a content folder: site.yaml, pages/, stands/ and moderation.yaml. Every mistake becomes a {@code Problem};
 * a stand with an error is left out of {@link LoadResult#exhibition()} and listed in {@link LoadResult#leftOut()}.
 * Stands load in parallel; the result is sorted and does not depend on thread timing.
 */
public final class ContentLoader {
    private final Clock clock;
    private volatile String loadingStandsKey;

    /** @param clock gives the current year for the "at least 5 years" rule when site.yaml has no exposition dates */
    public ContentLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LoadResult load(Path contentDir, Problems problems) {
        return load(contentDir, problems, UnaryOperator.identity());
    }

    /**
     * Like {@link #load(Path, Problems)}, passing every stand through {@code onLoaded} as soon as it is loaded (on the
     * loading thread), before moderation decides whether it is published. The build uses it to prepare a stand and
     * keep only a light copy (without Markdown bodies) in memory.
     */
    public LoadResult load(Path contentDir, Problems problems, UnaryOperator<Stand> onLoaded) {
        return load(contentDir, problems, onLoaded, null);
    }

    /**
     * Like {@link #load(Path, Problems, UnaryOperator)}, taking unchanged folders from {@code cache} (see
     * {@link FolderCache}: such a stand comes without its Markdown) and recording every folder in it; null: none.
     */
    public LoadResult load(Path contentDir, Problems problems, UnaryOperator<Stand> onLoaded, FolderCache cache) {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(onLoaded, "onLoaded");
        Objects.requireNonNull(problems, "problems");
        Optional<SiteConfig> site = loadSite(contentDir, problems);
        if (site.isEmpty()) {
            return new LoadResult(null, List.of());
        }
        loadingStandsKey = standsKey(site.get());
        Issues general = new Issues(null);
        List<StaticPage> pages = List.of();
        Optional<Moderation> moderation;
        List<String> folders;
        List<StandLoader.Outcome> outcomes;
        StandLoader loader = new StandLoader(contentDir, site.get(), contestYear(site.get()), cache);
        // moderation.yaml (a line per stand) is read while the folders load: it decides only afterwards
        Issues moderationIssues = new Issues(null);
        java.util.concurrent.CompletableFuture<Optional<Moderation>> moderationRead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Moderation.read(contentDir, moderationIssues);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, Background.thread("vitrina-moderation"));
        try {
            pages = PageReader.read(contentDir, general);
            Issues folderIssues = new Issues(null);
            folders = standFolders(contentDir, folderIssues);
            outcomes = folders.parallelStream().map(loader::load)
                    .map(o -> o.stand() == null ? o : new StandLoader.Outcome(o.folder(), onLoaded.apply(o.stand()),
                            o.problems(), o.reason()))
                    .sorted(Comparator.comparing(StandLoader.Outcome::folder)).collect(Collectors.toList());
            moderation = awaitModeration(moderationRead);
            moderationIssues.list().forEach(general::add); // in the order they were always reported
            folderIssues.list().forEach(general::add);
        } catch (IOException e) {
            moderationRead.handle((m, x) -> null).join(); // not left reading
            general.in(".").error(0, 0, "content.io", "Не удалось прочитать папку с содержимым: " + e.getMessage(),
                    "Проверьте, что папка существует и доступна для чтения.");
            problems.addAll(general.list());
            return new LoadResult(null, List.of());
        }
        moderation.ifPresent(m -> m.reportUnknown(new TreeSet<>(folders), general));
        problems.addAll(general.list());
        List<Stand> stands = new ArrayList<>();
        List<LoadResult.LeftOut> leftOut = new ArrayList<>();
        Snapshots snapshots = new Snapshots(contentDir, loader);
        for (String folder : moderation.map(m -> m.pinnedWithoutFolder(new TreeSet<>(folders))).orElse(List.of())) {
            outcomes.add(new StandLoader.Outcome(folder, null, List.of(), "папка стенда удалена"));
        }
        outcomes.sort(Comparator.comparing(StandLoader.Outcome::folder));
        for (StandLoader.Outcome o : outcomes) {
            Optional<Stand> approved = moderation.flatMap(m -> snapshots.approvedVersion(o, m, problems));
            if (approved.isPresent()) {
                problems.addAll(o.problems());
                stands.add(onLoaded.apply(approved.get()));
                continue;
            }
            problems.addAll(o.problems());
            if (o.stand() == null) {
                leftOut.add(new LoadResult.LeftOut(o.folder(), o.reason()));
                continue;
            }
            Issues decision = new Issues(o.folder());
            Optional<Stand> published = moderation.isEmpty() ? Optional.of(o.stand())
                    : Publication.decide(o.stand(), moderation.get(), decision, leftOut);
            problems.addAll(decision.list());
            published.ifPresent(stands::add);
        }
        stands.sort(Comparator.comparing(Stand::id));
        leftOut.sort(Comparator.comparing(LoadResult.LeftOut::folder));
        if (cache != null) {
            cache.commit(); // every folder and snapshot was read: what is not recorded now is gone
        }
        return new LoadResult(new Exhibition(site.get(), stands, pages), leftOut);
    }

    /**
     * Loads site.yaml, pages/ and one stand folder, ignoring moderation: a school's quick preview of its own stand.
     * The exhibition holds that stand alone (or none when it has errors; the problems say why).
     */
    public LoadResult loadOnly(Path contentDir, String folder, Problems problems, UnaryOperator<Stand> onLoaded) {
        Objects.requireNonNull(folder, "folder");
        Optional<SiteConfig> site = loadSite(contentDir, problems);
        if (site.isEmpty()) {
            return new LoadResult(null, List.of());
        }
        loadingStandsKey = standsKey(site.get());
        Issues general = new Issues(null);
        List<StaticPage> pages;
        try {
            pages = PageReader.read(contentDir, general);
        } catch (IOException e) {
            general.in("pages").error(0, 0, "content.io", "Не удалось прочитать папку pages/: " + e.getMessage(),
                    "Проверьте, что папка существует и доступна для чтения.");
            pages = List.of();
        }
        problems.addAll(general.list());
        StandLoader.Outcome o = new StandLoader(contentDir, site.get(), contestYear(site.get())).load(folder);
        problems.addAll(o.problems());
        List<Stand> stands = o.stand() == null ? List.of() : List.of(onLoaded.apply(o.stand()));
        List<LoadResult.LeftOut> leftOut = o.stand() == null ? List.of(new LoadResult.LeftOut(folder, o.reason()))
                : List.of();
        return new LoadResult(new Exhibition(site.get(), stands, pages), leftOut);
    }

    /** Reads and validates site.yaml alone; empty when it is unusable (the problems say why). */
    public Optional<SiteConfig> loadSite(Path contentDir, Problems problems) {
        Issues issues = new Issues(null);
        Optional<SiteConfig> site = SiteReader.read(contentDir, issues);
        problems.addAll(issues.list());
        return site;
    }

    /**
     * Loads and validates one stand folder, ignoring moderation (for {@code vitrina check --stand <id>}).
     *
     * @param folder the folder name under {@code stands/}
     * @return the stand when it has no errors ({@code approved} is null)
     */
    public Optional<Stand> loadStand(Path contentDir, SiteConfig site, String folder, Problems problems) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(folder, "folder");
        StandLoader.Outcome o = new StandLoader(contentDir, site, contestYear(site)).load(folder);
        problems.addAll(o.problems());
        return Optional.ofNullable(o.stand());
    }

    /**
     * Everything besides the files of its folder that a stand loaded by this loader depends on (site.yaml, the
     * contest year): a stand is a function of its folder's version, its folder name and this key.
     */
    public String standsKey(SiteConfig site) {
        return StandLoader.key(site, contestYear(site));
    }

    /**
     * {@link #standsKey} of the site being loaded, from the moment site.yaml is read (before any stand is, so for
     * {@code onLoaded} of {@link #load}); null before.
     */
    public String loadingStandsKey() {
        return loadingStandsKey;
    }

    private static Optional<Moderation> awaitModeration(
            java.util.concurrent.CompletableFuture<Optional<Moderation>> read) throws IOException {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private int contestYear(SiteConfig site) {
        return site.from() != null ? site.from().getYear() : LocalDate.now(clock).getYear();
    }

    private static List<String> standFolders(Path contentDir, Issues issues) throws IOException {
        Path dir = contentDir.resolve("stands");
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            issues.in("stands").warning(0, 0, "content.stands.missing", "Нет папки stands/: на выставке не будет стендов.",
                    "Создайте папку stands/ и по папке на каждый стенд, например stands/sochi-school-12/.");
            return List.of();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (StandFolder.isIgnored(p)) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
                    names.add(p.getFileName().toString());
                } else {
                    issues.in("stands/" + p.getFileName()).warning(0, 0, "content.stands.stray-file",
                            "Файл «stands/" + p.getFileName() + "» лежит вне папки стенда и не используется.",
                            "Каждый стенд — отдельная папка в stands/; перенесите файл в папку своего стенда.");
                }
            }
        }
        return new ArrayList<>(names);
    }
}
