package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;
import vitrina.generator.bench.CorpusGenerator;
import vitrina.generator.content.ContentMemory;
import vitrina.generator.output.FolderWatch;
import vitrina.generator.output.OutputManifest;

/**
 * An incremental build into the persistent site, with the persistent cache, must give exactly the files a clean
 * build into a fresh folder with a fresh cache gives — after every kind of change a school or organizer makes.
 */
class IncrementalBuildTest {
    private static final String[] MINI = {"sochi-school-12", "vladimir-gymnasium-5", "novosibirsk-museum"};

    @TempDir
    Path dir;

    private Path content;
    private int clean;

    @Test
    void incrementalBuildsEqualCleanBuildsAfterEveryKindOfChange() throws IOException {
        runScenario(1, true);
    }

    @Test
    void incrementalBuildsEqualCleanBuildsForAnotherRandomSeed() throws IOException {
        runScenario(7, false);
    }

    /**
     * In the build daemon the site folder is watched between builds, and a folder with no change reported is taken as
     * the previous build left it without an lstat: changes by hand must still be found and repaired.
     */
    @Test
    void incrementalBuildsWithTheDaemonsWatchEqualCleanBuilds() throws Exception {
        FolderWatch.enableInThisProcess();
        try {
            Path root = dir.resolve("watched");
            content = root.resolve("content");
            CorpusGenerator.generate(content, 8, 3);
            BuildOptions live = TestSites.options(content, root.resolve("live"));
            FolderWatch watch = FolderWatch.inDaemon(live.outDir(), live.workDir().resolve("watch").resolve("site"));
            assertSameAsClean(live, "first build");
            watch.awaitRegistered();
            assertSameAsClean(live, "no change: watched since the first build");
            assertSameAsClean(live, "no change: quiet folders trusted");
            long quiet = watch.lastView().quietCount();
            assertTrue(quiet > 100, "the watch vouched for the folders: " + quiet);

            Path out = live.outDir();
            Random r = new Random(3);
            Path stand = randomGenerated(r);
            String id = stand.getFileName().toString();
            Path edited = out.resolve("stands/" + id + "/index.html");
            String page = Files.readString(edited);
            Files.writeString(edited, page.replace("<main", "<MAIN")); // same size
            Path other = randomGenerated(r).getFileName().toString().equals(id) ? randomGenerated(r) : randomGenerated(r);
            try (Stream<Path> pages = Files.walk(out.resolve("stands/" + other.getFileName()))) {
                Path section = pages.filter(p -> p.getFileName().toString().equals("index.html")
                        && !p.getParent().equals(out.resolve("stands/" + other.getFileName()))).findFirst().orElseThrow();
                Files.delete(section);
            }
            Files.writeString(out.resolve("search/stray.json"), "{}");
            Files.createDirectories(out.resolve("stands/" + id + "/stray/deeper"));
            assertSameAsClean(live, "site folder changed by hand (watched)");
            assertEquals(page, Files.readString(edited));

            ContentMemory memory = ContentMemory.inDaemon(content, live.workDir());
            memory.watch().awaitRegistered();
            assertSameAsClean(live, "no change (content watched)");
            assertEquals(8, memory.taken(), "every stand taken as the last build loaded it");
            Path md = randomStand(r).resolve("index.md");
            Files.writeString(md, Files.readString(md) + "\nНовый абзац.\n");
            assertSameAsClean(live, "random edit (watched)");
            assertEquals(7, memory.taken(), "all but the edited stand");
            List<Path> all = stands();
            Path yaml = all.get(0).resolve("stand.yaml");
            Files.writeString(yaml, Files.readString(yaml).replaceFirst("short_name: \"[^\"]*\"",
                    "short_name: \"Школа 7\""));
            Path extra = all.get(1).resolve("extra");
            Files.createDirectories(extra);
            Files.writeString(extra.resolve("about.md"), "# Ещё раздел\n\nТекст.\n");
            Files.move(all.get(2), all.get(2).resolveSibling(all.get(2).getFileName() + "-renamed"));
            assertSameAsClean(live, "stand.yaml edited, a folder added in a stand, a stand renamed (watched)");
            memory.watch().awaitRegistered();
            assertSameAsClean(live, "no change after them (watched)");
            Files.writeString(extra.resolve("about.md"), "# Ещё раздел\n\nДругой текст.\n");
            assertSameAsClean(live, "a file in the added folder changed (watched)");
            Path moved = out.resolve("stands/" + id);
            Files.move(moved, root.resolve("moved-away"));
            Files.move(root.resolve("moved-away"), moved); // the same folder back: its watch went away
            Files.writeString(moved.resolve("index.html"), "replaced");
            assertSameAsClean(live, "a stand's folder moved away and back, its page replaced (watched)");
            assertTrue(watch.lastView().quietCount() > 100);
        } finally {
            FolderWatch.disableInThisProcess();
        }
    }

    private void runScenario(long seed, boolean everyKind) throws IOException {
        Path root = dir.resolve("seed-" + seed);
        content = root.resolve("content");
        CorpusGenerator.generate(content, 6, seed);
        StringBuilder moderation = new StringBuilder(Files.readString(content.resolve("moderation.yaml")));
        for (String id : MINI) {
            TestSites.copy(TestSites.fixture("mini").resolve("stands").resolve(id), content.resolve("stands").resolve(id));
            moderation.append("  ").append(id).append(": { status: approved }\n");
        }
        Files.writeString(content.resolve("moderation.yaml"), moderation);
        BuildOptions live = TestSites.options(content, root.resolve("live"));
        Random r = new Random(seed);
        assertSameAsClean(live, "first build");
        if (everyKind) {
            assertSameAsClean(live, "no change");
            // the site folder changed by hand after the build: the next build repairs it (found through the seal)
            Path out = live.outDir();
            Path edited = out.resolve("stands/sochi-school-12/index.html");
            String page = Files.readString(edited);
            assertTrue(page.contains("<main") && Files.isRegularFile(live.cacheDir().resolve("site.seal")));
            Files.writeString(edited, page.replace("<main", "<MAIN")); // same size: only the change time tells
            Files.delete(out.resolve("stands/vladimir-gymnasium-5/index.html"));
            Files.writeString(out.resolve("stands/stray.html"), "put there by hand");
            Files.createDirectories(out.resolve("stands/novosibirsk-museum/stray/deeper"));
            assertSameAsClean(live, "site folder changed by hand");
            assertEquals(page, Files.readString(edited));
        }

        for (int i = 0; i < 3; i++) {
            Path page = randomStand(r).resolve(r.nextBoolean() ? "index.md" : "stand.yaml");
            String text = Files.readString(page);
            Files.writeString(page, page.toString().endsWith(".md") ? text + "\nНовый абзац " + r.nextInt() + ".\n"
                    : text.replaceFirst("short_name: \"[^\"]*\"", "short_name: \"Школа " + r.nextInt(1000) + "\""));
        }
        assertSameAsClean(live, "random edits");
        if (!everyKind) {
            String withdrawn = randomGenerated(r).getFileName().toString();
            Files.writeString(content.resolve("moderation.yaml"), Files.readString(content.resolve("moderation.yaml"))
                    .replace("  " + withdrawn + ": { status: approved }", "  " + withdrawn + ": { status: rejected }"));
            assertSameAsClean(live, "stand withdrawn");
            assertNowhere(live.outDir(), "/stands/" + withdrawn + "/");
            return;
        }

        Path photo = content.resolve("stands/sochi-school-12/gallery/01.png");
        Files.copy(content.resolve("stands/vladimir-gymnasium-5/gallery/01.jpg"),
                photo.resolveSibling("02.jpg"));
        assertSameAsClean(live, "photo added");

        Path deleted = randomGenerated(r);
        deleteTree(deleted);
        assertSameAsClean(live, "stand deleted");

        Path renamed = randomGenerated(r);
        String oldId = renamed.getFileName().toString();
        Files.move(renamed, renamed.resolveSibling(oldId + "-new"));
        Files.writeString(content.resolve("moderation.yaml"), Files.readString(content.resolve("moderation.yaml"))
                .replace("  " + oldId + ":", "  " + oldId + "-new:"));
        assertSameAsClean(live, "stand folder renamed");

        String withdrawn = randomGenerated(r).getFileName().toString();
        Files.writeString(content.resolve("moderation.yaml"), Files.readString(content.resolve("moderation.yaml"))
                .replace("  " + withdrawn + ": { status: approved }", "  " + withdrawn
                        + ": { status: rejected, comment: \"Снят с выставки\" }"));
        assertSameAsClean(live, "stand withdrawn");
        assertNowhere(live.outDir(), "/stands/" + withdrawn + "/");

        Path theme = root.resolve("theme");
        Path template = TestSites.defaultTheme().resolve("templates/stand/single.peb");
        Files.createDirectories(theme.resolve("templates/stand"));
        Files.writeString(theme.resolve("templates/stand/single.peb"),
                Files.readString(template).replace("page page--stand", "page page--stand page--changed"));
        BuildOptions themed = new BuildOptions(content, live.outDir(), live.defaultTheme(), theme, live.workDir(),
                TestSites.CLOCK, null);
        assertSameAsClean(themed, "template changed");
        assertTrue(Files.readString(live.outDir().resolve("stands/sochi-school-12/index.html")).contains("page--changed"));

        Path site = content.resolve("site.yaml");
        Files.writeString(site, Files.readString(site).replace("Бенчмарк:", "Новое название:"));
        assertSameAsClean(themed, "site.yaml changed");

        Files.writeString(site, Files.readString(site) + "evaluation:\n  weights: { experts: 1 }\n  top: 3\n"
                + "  published: true\n");
        Files.createDirectories(content.resolve("evaluation"));
        StringBuilder experts = new StringBuilder("stand,expert,criterion,score\n");
        for (Path stand : stands()) {
            experts.append(stand.getFileName()).append(",Эксперт 1,Содержание,").append(1 + r.nextInt(9)).append('\n');
        }
        Files.writeString(content.resolve("evaluation/experts.csv"), experts);
        assertSameAsClean(themed, "results published");
        Files.writeString(content.resolve("evaluation/experts.csv"),
                experts.toString().replaceFirst(",Содержание,\\d", ",Содержание,10"));
        assertSameAsClean(themed, "an expert score changed (result cards on stand pages)");
    }

    private Path randomStand(Random r) throws IOException {
        List<Path> all = stands();
        return all.get(r.nextInt(all.size()));
    }

    private Path randomGenerated(Random r) throws IOException {
        List<Path> generated = stands().stream().filter(p -> p.getFileName().toString().startsWith("stand-")
                && !p.getFileName().toString().endsWith("-new")).toList();
        return generated.get(r.nextInt(generated.size()));
    }

    private List<Path> stands() throws IOException {
        try (Stream<Path> s = Files.list(content.resolve("stands"))) {
            return s.sorted().toList();
        }
    }

    private void assertSameAsClean(BuildOptions live, String step) {
        BuildReport incremental = new Build(live).run();
        Path fresh = dir.resolve("clean-" + clean++);
        BuildOptions cleanOptions = new BuildOptions(live.contentDir(), fresh.resolve("out"), live.defaultTheme(),
                live.themeDir(), fresh.resolve("work"), TestSites.CLOCK, null);
        BuildReport clean = new Build(cleanOptions).run();
        assertFalse(incremental.fatal(), step);
        OutputManifest a = incremental.manifest();
        OutputManifest b = clean.manifest();
        assertEquals(b.files().keySet(), a.files().keySet(), step + ": same files");
        assertEquals(b.files(), a.files(), step + ": same bytes");
        assertEquals(clean.problems(), incremental.problems(), step + ": same problems");
        assertEquals(clean.published(), incremental.published(), step + ": same stands");
        java.util.SortedMap<String, String> onDisk = folderContents(live.outDir());
        assertEquals(folderContents(fresh.resolve("out")), onDisk, step + ": same folder");
        a.files().forEach((path, entry) -> assertEquals(onDisk.get(path), entry.sha256(),
                step + ": the manifest's hash is the file's: " + path));
    }

    /** Every file and folder on disk (the site is updated in place: nothing stale may stay), with file hashes. */
    private static java.util.SortedMap<String, String> folderContents(Path site) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> all = Files.walk(site)) {
            for (Path p : all.toList()) {
                String rel = site.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "folder" : java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** No listing, search file, sitemap or feed mentions the stand's address any more. */
    private static void assertNowhere(Path site, String url) throws IOException {
        List<Path> mentions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.matches(".*\\.(html|json|xml|txt)") && Files.readString(f, StandardCharsets.UTF_8)
                        .contains(url)) {
                    mentions.add(f);
                }
            }
        }
        assertTrue(mentions.isEmpty(), "still mentioned in " + mentions);
        assertFalse(Files.exists(site.resolve(url.substring(1))), "its pages are gone");
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted((x, y) -> y.compareTo(x)).toList()) {
                Files.delete(f);
            }
        }
    }
}
