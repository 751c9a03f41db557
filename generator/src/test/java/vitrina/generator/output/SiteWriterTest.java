package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path dir;
    /** The work folder of the sealed builds (beside the site's folder nothing else may be left). */
    @TempDir
    Path work;

    @Test
    void commitReplacesThePreviousSiteAndRemovesItsStaleFiles() throws Exception {
        Path out = dir.resolve("site-output");
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("index.html", "v1");
            w.writeString("old/index.html", "stale");
            w.commit();
        }
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("index.html", "v2");
            OutputManifest m = w.commit();
            assertEquals(1, m.files().size());
        }
        assertEquals("v2", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("old")));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void anUncommittedBuildLeavesThePreviousSiteIntact() throws Exception {
        Path out = dir.resolve("site-output");
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("index.html", "good");
            w.commit();
        }
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("index.html", "half-written");
            // the build fails here: no commit
        }
        assertEquals("good", Files.readString(out.resolve("index.html")));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void aDigestGivenWithTheContentIsTheManifestsHash() throws Exception {
        byte[] content = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
        try (SiteWriter w = SiteWriter.staging(dir.resolve("site-output"))) {
            w.write("search/a.json", content, digest);
            assertThrows(IllegalArgumentException.class, () -> w.write("b.json", content, new byte[20]));
            assertEquals(SiteWriter.sha256(content), w.manifest().files().get("search/a.json").sha256());
            w.commit();
        }
    }

    @Test
    void refusesPathsThatEscapeTheSiteOrAreWrittenTwice() {
        try (SiteWriter w = SiteWriter.staging(dir.resolve("out"))) {
            assertThrows(IllegalArgumentException.class, () -> w.writeString("../x.html", ""));
            assertThrows(IllegalArgumentException.class, () -> w.writeString("/etc/x", ""));
            assertThrows(IllegalArgumentException.class, () -> w.writeString("a/./b.html", ""));
            w.writeString("a.html", "1");
            assertThrows(IllegalStateException.class, () -> w.writeString("a.html", "2"));
        }
    }

    @Test
    void manifestDiffListsAddedChangedAndDeletedFiles() {
        OutputManifest before;
        try (SiteWriter w = SiteWriter.staging(dir.resolve("a"))) {
            w.writeString("same.html", "s");
            w.writeString("changed.html", "1");
            w.writeString("gone.html", "g");
            before = w.manifest();
        }
        try (SiteWriter w = SiteWriter.staging(dir.resolve("b"))) {
            w.writeString("same.html", "s");
            w.writeString("changed.html", "2");
            w.writeString("new.html", "n");
            OutputManifest.Diff diff = w.manifest().diff(before);
            assertEquals(java.util.Map.of("changed.html", "changed", "new.html", "added", "gone.html", "deleted"),
                    diff.changes());
            assertTrue(ManifestJson.toJson(w.manifest()).contains("\"new.html\""));
        }
    }

    @Test
    void manifestSurvivesAJsonRoundTrip() {
        try (SiteWriter w = SiteWriter.staging(dir.resolve("a"))) {
            w.writeString("stands/x/index.html", "<p>x</p>");
            Path file = dir.resolve("m/manifest.json");
            ManifestJson.write(w.manifest(), file);
            assertEquals(w.manifest(), ManifestJson.read(file));
        }
    }

    @Test
    void anUpdateInPlaceLeavesExactlyTheNewSite() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first;
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("index.html", "v1");
            w.writeString("same/index.html", "same");
            w.writeString("gone/deep/index.html", "gone");
            w.writeString("becomes-folder", "file");
            w.writeString("becomes-file/index.html", "folder");
            first = w.commit();
        }
        Files.writeString(out.resolve("stray.txt"), "put there by hand");
        Object sameInode = Files.getAttribute(out.resolve("same/index.html"), "unix:ino");
        try (SiteWriter w = SiteWriter.staging(out, first)) {
            w.writeString("index.html", "v2");
            w.writeString("same/index.html", "same");
            w.writeString("becomes-folder/index.html", "now a folder");
            w.writeString("becomes-file", "now a file");
            w.writeString("new/index.html", "new");
            assertEquals(1, w.linkedCount());
            assertEquals("v1", Files.readString(out.resolve("index.html")), "nothing changes before the commit");
            w.commit();
        }
        assertEquals(sameInode, Files.getAttribute(out.resolve("same/index.html"), "unix:ino"));
        assertEquals(java.util.List.of("becomes-file", "becomes-folder/index.html", "index.html",
                "new/index.html", "same/index.html"), filesIn(out));
        assertEquals(java.util.List.of("", "becomes-folder", "new", "same"), foldersIn(out));
        assertEquals("v2", Files.readString(out.resolve("index.html")));
        assertEquals("now a file", Files.readString(out.resolve("becomes-file")));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void anUpdateInPlaceDeletesStrayFilesAndFolders() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first = build(out, null, "index.html", "v1", "same/index.html", "same");
        Files.writeString(out.resolve("stray.txt"), "at the root");
        Files.writeString(out.resolve("same/stray.txt"), "beside a kept file");
        Files.createDirectories(out.resolve("empty"));
        Files.createDirectories(out.resolve("nested/deeper/deepest"));
        Files.writeString(out.resolve("nested/deeper/file.txt"), "x");
        Files.createDirectories(out.resolve("same/empty-inside"));
        build(out, first, "index.html", "v1", "same/index.html", "same");
        assertEquals(List.of("index.html", "same/index.html"), filesIn(out));
        assertEquals(List.of("", "same"), foldersIn(out));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void filesTakenOverOrWrittenAgainAreRecordedWithThePreviousManifestsObjects() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first = build(out, null, "a.html", "same", "b/index.html", "kept", "c.html", "old");
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        first.files().keySet().forEach(k -> keys.put(k, k));
        OutputManifest second;
        try (SiteWriter w = SiteWriter.staging(out, first)) {
            w.writeString(new String("a.html".toCharArray()), "same"); // the same bytes written again
            OutputManifest.Entry kept = first.files().get("b/index.html");
            // as a cache reads them back: equal, not the same objects
            assertTrue(w.reuseUnchanged(java.util.Map.of(new String("b/index.html".toCharArray()),
                    new OutputManifest.Entry(new String(kept.sha256().toCharArray()), kept.size()))));
            w.writeString(new String("c.html".toCharArray()), "new");
            w.writeString("d.html", "added");
            second = w.commit();
        }
        for (String path : List.of("a.html", "b/index.html", "c.html")) {
            String key = second.files().keySet().stream().filter(path::equals).findFirst().orElseThrow();
            org.junit.jupiter.api.Assertions.assertSame(keys.get(path), key, path);
        }
        org.junit.jupiter.api.Assertions.assertSame(first.files().get("a.html"), second.files().get("a.html"));
        org.junit.jupiter.api.Assertions.assertSame(first.files().get("b/index.html"),
                second.files().get("b/index.html"));
        assertFalse(first.files().get("c.html").equals(second.files().get("c.html")));
        assertEquals(List.of("a.html", "b/index.html", "c.html", "d.html"), List.copyOf(second.files().keySet()));
        assertEquals("new", Files.readString(out.resolve("c.html")));
        assertEquals("kept", Files.readString(out.resolve("b/index.html")));
    }

    @Test
    void aFileWhoseSizeChangedSinceTheManifestIsNotReused() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first = build(out, null, "a.html", "original", "b.css", "kept");
        Files.writeString(out.resolve("a.html"), "edited by hand, longer");
        try (SiteWriter w = SiteWriter.staging(out, first)) {
            assertTrue(w.previous("a.html").isEmpty());
            assertEquals(first.files().get("b.css"), w.previous("b.css").orElseThrow());
            assertTrue(w.previous("missing.html").isEmpty());
            w.writeString("a.html", "original");
            w.writeString("b.css", "kept");
            assertEquals(1, w.linkedCount());
            w.commit();
        }
        assertEquals("original", Files.readString(out.resolve("a.html")));
        assertEquals("kept", Files.readString(out.resolve("b.css")));
    }

    @Test
    void foldersBecomeFilesAndFilesBecomeFoldersInPlace() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first = build(out, null,
                "was-folder/index.html", "1", "was-folder/sub/deep/x.css", "2", "was-folder-too/y.js", "3",
                "was-file", "4", "was-file-deep", "5", "keep.html", "6");
        build(out, first,
                "was-folder", "now a file", "was-folder-too", "me too",
                "was-file/index.html", "now a folder", "was-file-deep/a/b/c.html", "deep", "keep.html", "6");
        assertEquals(List.of("keep.html", "was-file-deep/a/b/c.html", "was-file/index.html", "was-folder",
                "was-folder-too"), filesIn(out));
        assertEquals(List.of("", "was-file", "was-file-deep", "was-file-deep/a", "was-file-deep/a/b"),
                foldersIn(out));
        assertEquals("now a file", Files.readString(out.resolve("was-folder")));
        assertEquals("deep", Files.readString(out.resolve("was-file-deep/a/b/c.html")));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void precompressInPlaceKeepsUnchangedGzipsAndReplacesChangedOnes() throws Exception {
        Path out = dir.resolve("site-output");
        String same = "same ".repeat(100);
        OutputManifest first;
        try (SiteWriter w = SiteWriter.staging(out).precompress(true)) {
            w.writeString("same.html", same);
            w.writeString("changed.html", "old ".repeat(100));
            w.writeString("gone.html", "gone ".repeat(100));
            first = w.commit();
        }
        assertTrue(first.files().containsKey("gone.html.gz"));
        Object sameGz = Files.getAttribute(out.resolve("same.html.gz"), "unix:ino");
        OutputManifest second;
        try (SiteWriter w = SiteWriter.staging(out, first).precompress(true)) {
            w.writeString("same.html", same);
            w.writeString("changed.html", "new ".repeat(100));
            second = w.commit();
        }
        assertEquals(List.of("changed.html", "changed.html.gz", "same.html", "same.html.gz"), filesIn(out));
        assertEquals(List.copyOf(second.files().keySet()), filesIn(out));
        assertEquals(sameGz, Files.getAttribute(out.resolve("same.html.gz"), "unix:ino"));
        assertEquals("new ".repeat(100), gunzip(out.resolve("changed.html.gz")));
        assertEquals(first.files().get("same.html.gz"), second.files().get("same.html.gz"));
    }

    @Test
    void precompressTurnedOnInPlaceCompressesUnchangedFiles() throws Exception {
        Path out = dir.resolve("site-output");
        String text = "text ".repeat(100);
        OutputManifest first = build(out, null, "a.html", text, "small.css", "x");
        OutputManifest second;
        try (SiteWriter w = SiteWriter.staging(out, first).precompress(true)) {
            w.writeString("a.html", text);
            w.writeString("small.css", "x");
            second = w.commit();
        }
        assertEquals(List.of("a.html", "a.html.gz", "small.css"), filesIn(out));
        assertEquals(List.copyOf(second.files().keySet()), filesIn(out));
        assertEquals(text, gunzip(out.resolve("a.html.gz")));
        assertEquals(text, Files.readString(out.resolve("a.html")));
    }

    @Test
    void symlinksInTheTargetAreNeverFollowed() throws Exception {
        Path out = dir.resolve("site-output");
        OutputManifest first = build(out, null, "index.html", "v1", "linked.html", "real");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "not part of the site");
        Files.writeString(elsewhere.resolve("linked.html"), "real");
        Files.createSymbolicLink(out.resolve("stray-link"), elsewhere);
        Files.delete(out.resolve("linked.html"));
        Files.createSymbolicLink(out.resolve("linked.html"), elsewhere.resolve("linked.html"));
        try (SiteWriter w = SiteWriter.staging(out, first)) {
            assertTrue(w.previous("linked.html").isEmpty(), "a symlink is not the file the manifest recorded");
            w.writeString("index.html", "v1");
            w.writeString("linked.html", "real");
            w.commit();
        }
        assertEquals(List.of("index.html", "linked.html"), filesIn(out));
        assertFalse(Files.isSymbolicLink(out.resolve("linked.html")));
        assertFalse(Files.exists(out.resolve("stray-link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("not part of the site", Files.readString(elsewhere.resolve("keep.txt")));
        assertEquals("real", Files.readString(elsewhere.resolve("linked.html")));
    }

    @Test
    void aNoChangeRebuildFromManyThreadsLeavesEveryFileInPlace() throws Exception {
        Path out = dir.resolve("site-output");
        List<String> paths = IntStream.range(0, 2000).mapToObj(i -> "stands/s" + i + "/index.html").toList();
        OutputManifest first;
        try (SiteWriter w = SiteWriter.staging(out)) {
            paths.parallelStream().forEach(p -> w.writeString(p, "page " + p));
            first = w.commit();
        }
        Object inode = Files.getAttribute(out.resolve("stands/s7/index.html"), "unix:ino");
        try (SiteWriter w = SiteWriter.staging(out, first)) {
            paths.parallelStream().forEach(p -> {
                if (p.hashCode() % 2 == 0) {
                    w.reuse(p, w.previous(p).orElseThrow());
                } else {
                    w.writeString(p, "page " + p);
                }
            });
            assertEquals(paths.size(), w.linkedCount());
            assertEquals(first, w.commit());
        }
        assertEquals(inode, Files.getAttribute(out.resolve("stands/s7/index.html"), "unix:ino"));
        assertEquals(paths.stream().sorted().toList(), filesIn(out));
        assertOnlySiteLeftIn(dir);
    }

    @Test
    void aSealedSiteIsCheckedByChangeTimesAndEverythingChangedByHandIsRepaired() throws Exception {
        Path out = dir.resolve("site-output");
        String[] site = {"index.html", "home", "same/index.html", "same", "edited/index.html", "original",
                "deleted/index.html", "deleted", "to-link/index.html", "linked", "to-folder.css", "css",
                "folder-to-link/a.html", "a"};
        OutputManifest first = sealedBuild(out, null, site);
        assertTrue(seal(out).isPresent(), "the build sealed the site");
        Object sameInode = Files.getAttribute(out.resolve("same/index.html"), "unix:ino");
        // by hand, after the seal
        Files.writeString(out.resolve("edited/index.html"), "ORIGINAL"); // same size: only the change time tells
        Files.delete(out.resolve("deleted/index.html"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("index.html"), "linked");
        Files.writeString(elsewhere.resolve("a.html"), "a");
        Files.delete(out.resolve("to-link/index.html"));
        Files.createSymbolicLink(out.resolve("to-link/index.html"), elsewhere.resolve("index.html"));
        Files.delete(out.resolve("to-folder.css"));
        Files.createDirectories(out.resolve("to-folder.css/inside"));
        Files.writeString(out.resolve("to-folder.css/inside/x.txt"), "x");
        Files.delete(out.resolve("folder-to-link/a.html"));
        Files.delete(out.resolve("folder-to-link"));
        Files.createSymbolicLink(out.resolve("folder-to-link"), elsewhere);
        Files.writeString(out.resolve("stray.txt"), "at the root");
        Files.createDirectories(out.resolve("same/stray/deeper"));
        Files.writeString(out.resolve("same/stray/deeper/file.txt"), "x");

        try (SiteWriter w = SiteWriter.staging(out, first).sealedAt(seal(out).orElseThrow())) {
            assertTrue(w.checkedBySeal());
            assertEquals(first.files().get("same/index.html"), w.previous("same/index.html").orElseThrow());
            assertTrue(w.previous("edited/index.html").isEmpty(), "changed after the seal");
            assertTrue(w.previous("deleted/index.html").isEmpty());
            assertTrue(w.previous("to-link/index.html").isEmpty(), "a link is not the file the manifest recorded");
            assertTrue(w.previous("to-folder.css").isEmpty());
            assertTrue(w.previous("folder-to-link/a.html").isEmpty(), "never seen through a link");
            for (int i = 0; i < site.length; i += 2) {
                w.writeString(site[i], site[i + 1]);
            }
            assertEquals(2, w.linkedCount(), "index.html and same/index.html stay");
            w.commit();
        }
        assertEquals(List.copyOf(first.files().keySet()), filesIn(out));
        assertEquals(List.of("", "deleted", "edited", "folder-to-link", "same", "to-link"), foldersIn(out));
        assertEquals("original", Files.readString(out.resolve("edited/index.html")));
        assertEquals("deleted", Files.readString(out.resolve("deleted/index.html")));
        assertEquals("css", Files.readString(out.resolve("to-folder.css")));
        assertFalse(Files.isSymbolicLink(out.resolve("folder-to-link")));
        assertEquals(List.of("a.html", "index.html"), namesIn(elsewhere), "nothing deleted through a link");
        assertEquals(sameInode, Files.getAttribute(out.resolve("same/index.html"), "unix:ino"));
    }

    @Test
    void aNoChangeRebuildOfASealedSiteReusesEveryFileAndSealsItAgain() throws Exception {
        Path out = dir.resolve("site-output");
        String[] site = {"index.html", "home", "stands/a/index.html", "a", "stands/b/index.html", "b", "x.css", "c"};
        OutputManifest first = sealedBuild(out, null, site);
        OutputManifest second;
        try (SiteWriter w = SiteWriter.staging(out, first).sealedAt(seal(out).orElseThrow())) {
            assertTrue(w.checkedBySeal());
            for (int i = 0; i < site.length; i += 2) {
                w.writeString(site[i], site[i + 1]);
            }
            assertEquals(4, w.linkedCount());
            second = w.commit();
        }
        assertEquals(first, second);
        // a stray file in a folder the manifest has, then a third build: found through the folder's change time
        writeManifestAndSeal(out, second);
        Files.writeString(out.resolve("stands/a/stray.html"), "stray");
        sealedBuild(out, second, site);
        assertEquals(List.of("index.html", "stands/a/index.html", "stands/b/index.html", "x.css"), filesIn(out));
    }

    @Test
    void aSealVouchesOnlyForItsManifestAndSiteFolder() throws Exception {
        Path out = dir.resolve("site-output");
        sealedBuild(out, null, "index.html", "home");
        String key = OutputSeal.manifestKey(work.resolve("manifest.json"));
        assertTrue(OutputSeal.read(work.resolve("site.seal"), out, key).isPresent());
        assertTrue(OutputSeal.read(work.resolve("site.seal"), dir.resolve("other"), key).isEmpty());
        assertTrue(OutputSeal.read(work.resolve("site.seal"), out, key + "x").isEmpty());
        assertTrue(OutputSeal.read(work.resolve("site.seal"), out, null).isEmpty());
        Files.writeString(work.resolve("manifest.json"), "rewritten");
        assertTrue(seal(out).isEmpty(), "another manifest: no seal");
        // anything changed after a seal has a later change time than the seal, however soon after it
        OutputSeal.write(work.resolve("site.seal"), out, OutputSeal.manifestKey(work.resolve("manifest.json")));
        OutputSeal seal = seal(out).orElseThrow();
        Files.writeString(out.resolve("index.html"), "HOME");
        assertFalse(seal.unchanged(OutputSeal.nanos(Files.getAttribute(out.resolve("index.html"), "unix:ctime"))));
    }

    /** Builds {@code pathsAndContents} into {@code out} (in place when {@code previous} is given) and commits. */
    private static OutputManifest build(Path out, OutputManifest previous, String... pathsAndContents) {
        try (SiteWriter w = previous == null ? SiteWriter.staging(out) : SiteWriter.staging(out, previous)) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                w.writeString(pathsAndContents[i], pathsAndContents[i + 1]);
            }
            return w.commit();
        }
    }

    /** Like {@link #build}, then writes the manifest into the work folder and seals the site, as a build does. */
    private OutputManifest sealedBuild(Path out, OutputManifest previous, String... pathsAndContents) {
        OutputManifest m;
        try (SiteWriter w = previous == null ? SiteWriter.staging(out)
                : SiteWriter.staging(out, previous).sealedAt(seal(out).orElse(null))) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                w.writeString(pathsAndContents[i], pathsAndContents[i + 1]);
            }
            m = w.commit();
        }
        writeManifestAndSeal(out, m);
        return m;
    }

    private void writeManifestAndSeal(Path out, OutputManifest m) {
        ManifestJson.write(m, work.resolve("manifest.json"));
        assertTrue(OutputSeal.write(work.resolve("site.seal"), out, OutputSeal.manifestKey(work.resolve("manifest.json"))));
    }

    private java.util.Optional<OutputSeal> seal(Path out) {
        return OutputSeal.read(work.resolve("site.seal"), out, OutputSeal.manifestKey(work.resolve("manifest.json")));
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> filesIn(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<String> foldersIn(Path out) throws Exception {
        try (Stream<Path> folders = Files.walk(out)) {
            return folders.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }

    private static String gunzip(Path file) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertOnlySiteLeftIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(java.util.List.of("site-output"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
