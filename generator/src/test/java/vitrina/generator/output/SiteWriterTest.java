package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path dir;

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
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(java.util.List.of("becomes-file", "becomes-folder/index.html", "index.html",
                    "new/index.html", "same/index.html"), files.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString()).sorted().toList());
        }
        try (Stream<Path> folders = Files.walk(out)) {
            assertEquals(java.util.List.of("", "becomes-folder", "new", "same"), folders.filter(Files::isDirectory)
                    .map(p -> out.relativize(p).toString()).sorted().toList());
        }
        assertEquals("v2", Files.readString(out.resolve("index.html")));
        assertEquals("now a file", Files.readString(out.resolve("becomes-file")));
        assertOnlySiteLeftIn(dir);
    }

    private static void assertOnlySiteLeftIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(java.util.List.of("site-output"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
