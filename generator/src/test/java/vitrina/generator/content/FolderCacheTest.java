package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;

/** Folders remembered between builds: reused only while nothing they depend on changed. */
class FolderCacheTest {
    @TempDir
    Path dir;
    @TempDir
    Path cacheDir;

    private final AtomicBoolean usable = new AtomicBoolean(true);
    /** Ten seconds ahead of the file system by default: every file is settled. */
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void site() {
        clock.set(System.currentTimeMillis() + 10_000);
        TestSite.withStand(dir, TestSite.STAND_YAML + "motto: \"Неизвестное поле\"\n",
                "-- stands/shkola-1/about.md --\n# О нас\n\nМы учим детей.\n");
    }

    @Test
    void anUnchangedFolderGivesTheRememberedStandWithoutMarkdownAndTheSameWarnings() {
        Load first = load();
        assertFalse(first.stand().sections().get(0).markdown().isEmpty());
        assertTrue(first.problems().stream().anyMatch(p -> p.code().equals("stand.field.unknown")));
        Load second = load();
        assertEquals(first.stand().withoutMarkdown(), second.stand());
        assertEquals(first.problems(), second.problems());
    }

    @Test
    void anEditIsSeenEvenWithTheSameSizeAndTheOldModificationTimeRestored() throws IOException {
        Stand before = load().stand();
        Path about = dir.resolve("stands/shkola-1/about.md");
        FileTime modified = Files.getLastModifiedTime(about);
        String text = Files.readString(about);
        Files.writeString(about, text.replace("детей", "дочей")); // same length in UTF-8
        Files.setLastModifiedTime(about, modified);
        Stand after = load().stand();
        assertNotEquals(before.version(), after.version());
        assertTrue(after.sections().get(1).markdown().contains("дочей"), "read again, with its Markdown");
    }

    @Test
    void hashesOfSettledFilesAreTakenFromTheirMetadata() {
        load();
        FolderCache cache = cache();
        Path standDir = dir.resolve("stands/shkola-1");
        FolderCache.Known known = cache.read(standDir, loaderKey());
        assertEquals(3, known.files().size(), known.files().toString());
        // a record whose hash for about.md is made up: the metadata matches, so that hash is believed
        Map<String, FolderCache.FileStat> forged = new TreeMap<>(known.files());
        forged.put("about.md", forged.get("about.md").withHash("0".repeat(64)));
        cache.write(standDir, loaderKey(), forged, null, List.of());
        cache.commit();
        Stand stand = load().stand();
        Map<String, FolderCache.FileStat> again = cache().read(standDir, loaderKey()).files();
        assertEquals("0".repeat(64), again.get("about.md").sha256());
        assertNotEquals(load(null).stand().version(), stand.version());
    }

    @Test
    void filesChangedJustBeforeTheyWereReadAreNotRemembered() {
        clock.set(System.currentTimeMillis()); // the files were written a moment ago
        Load first = load();
        assertEquals(Map.of(), cache().read(dir.resolve("stands/shkola-1"), loaderKey()).files());
        assertEquals(first.stand().withoutMarkdown(), load().stand(), "the stand is still remembered by version");
    }

    @Test
    void aStandThatIsNotUsableIsReadAgain() {
        load();
        usable.set(false);
        assertFalse(load().stand().sections().get(0).markdown().isEmpty());
    }

    @Test
    void aChangeInSiteYamlReadsEveryStandAgain() {
        Stand first = load().stand();
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML.replace("Воспитательная работа", "Воспитание"));
        Stand second = load().stand();
        assertFalse(second.sections().get(0).markdown().isEmpty());
        assertEquals(first, second);
    }

    @Test
    void aDamagedRecordIsAMiss() throws IOException {
        load();
        try (var files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
            }
        }
        Load again = load();
        assertFalse(again.stand().sections().get(0).markdown().isEmpty());
        assertEquals(load().stand(), again.stand().withoutMarkdown());
    }

    @Test
    void unchangedFoldersStayRecordedAndAFolderThatIsGoneDropsOut() throws IOException {
        TestSite.write(dir, "-- stands/shkola-2/stand.yaml --\n" + TestSite.STAND_YAML.replace("shkola-1", "shkola-2"));
        load();
        load(); // nothing changed: both records are carried over, not lost
        assertFalse(cache().read(dir.resolve("stands/shkola-2"), loaderKey()).files().isEmpty());
        try (var files = Files.walk(dir.resolve("stands/shkola-2"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        load();
        assertEquals(FolderCache.Known.NONE, cache().read(dir.resolve("stands/shkola-2"), loaderKey()));
        assertTrue(cache().read(dir.resolve("stands/shkola-1"), loaderKey()).stand() != null);
        assertFalse(cache().read(dir.resolve("stands/shkola-1"), loaderKey()).files().isEmpty());
    }

    @Test
    void aStandWithErrorsIsNotRememberedAndStaysLeftOut() {
        TestSite.write(dir, "-- stands/shkola-1/stand.yaml --\n" + TestSite.standWith("inn", "inn: \"1234567890\""));
        for (int i = 0; i < 2; i++) {
            Load l = load();
            assertNull(l.stand());
            assertTrue(l.problems().stream().anyMatch(Problem::isError));
        }
        assertNull(cache().read(dir.resolve("stands/shkola-1"), loaderKey()).stand());
    }

    @Test
    void everyFieldOfAStandSurvivesTheRecord() throws IOException {
        TestSite.write(dir, "-- stands/shkola-1/stand.yaml --\n" + TestSite.STAND_YAML
                + "website: \"https://school1.example.ru\"\nhead: { name: \"Иванова Мария Петровна\", position: "
                + "\"Директор\" }\nsummary: \"Школа с углублённым изучением математики.\"\naddress: \"ул. Ленина, 1\"\n"
                + "materials:\n  - { file: files/plan.pdf, title: \"План\", description: \"На год\" }\n");
        TestSite.writeBytes(dir, "stands/shkola-1/files/plan.pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Load first = load();
        Load second = load();
        assertEquals(first.stand().withoutMarkdown(), second.stand());
        assertEquals(1, second.stand().materials().size());
        assertEquals(first.stand().materials().get(0).source(), second.stand().materials().get(0).source());
    }

    private record Load(Stand stand, List<Problem> problems) {
    }

    private Load load() {
        return load(cache());
    }

    private Load load(FolderCache cache) {
        Problems problems = Problems.tracking(100);
        LoadResult r = new ContentLoader(TestSite.CLOCK).load(dir, problems, s -> s, cache);
        Stand stand = r.exhibition().stands().isEmpty() ? null : r.exhibition().stands().get(0);
        return new Load(stand, problems.all().stream().filter(p -> "shkola-1".equals(p.standId())).toList());
    }

    private FolderCache cache() {
        return new FolderCache(cacheDir.resolve("folders.bin"), "generator-1", s -> usable.get(), clock::get);
    }

    private String loaderKey() {
        Problems problems = Problems.tracking(10);
        var site = new ContentLoader(TestSite.CLOCK).loadSite(dir, problems).orElseThrow();
        return site + "\n" + site.from().getYear();
    }
}
