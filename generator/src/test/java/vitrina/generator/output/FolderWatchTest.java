package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatchTest {
    private static final List<String> FILES = List.of("index.html", "a/index.html", "a/b/index.html",
            "a/b/page.css", "c/index.html");

    @TempDir
    Path dir;
    private Path site;
    private FolderWatch watch;

    @BeforeEach
    void site() throws IOException {
        site = dir.resolve("site");
        for (String f : FILES) {
            Files.createDirectories(site.resolve(f).getParent());
            Files.writeString(site.resolve(f), f);
        }
        watch = FolderWatch.open(site, dir.resolve("work/watch"), 1_000);
    }

    @AfterEach
    void close() {
        watch.close();
    }

    /** A build that commits the manifest "m"; returns its view. */
    private FolderWatch.View build() throws InterruptedException {
        FolderWatch.View view = watch.begin();
        watch.committed(view, "m", FILES);
        watch.awaitRegistered();
        return view;
    }

    /** Two builds: the folders are watched from the first, and the second's changes are counted. */
    private void watchedAndTrusted() throws InterruptedException {
        build();
        build();
    }

    @Test
    void foldersAreTrustedFromTheSecondBuildAfterTheyAreWatched() throws InterruptedException {
        FolderWatch.View first = build();
        assertFalse(first.trusts("m"), "nothing committed before the first build");
        assertEquals(4, watch.watchedCount(), "the site folder and a, a/b, c");
        FolderWatch.View second = build();
        assertTrue(second.trusts("m"));
        assertFalse(second.quiet("a"), "watched only after the first build began: changes before could be missed");
        FolderWatch.View third = watch.begin();
        assertTrue(third.trusts("m"));
        assertFalse(third.trusts("another manifest"));
        for (String f : List.of("", "a", "a/b", "c")) {
            assertTrue(third.quiet(f), f);
        }
        assertFalse(third.quiet("d"), "never watched");
        assertEquals(4, third.quietCount());
    }

    @Test
    void aChangedFileMakesItsFolderNotQuietAndNothingElse() throws Exception {
        watchedAndTrusted();
        Files.writeString(site.resolve("a/b/page.css"), "a/b/page.cs!"); // same size
        FolderWatch.View view = build();
        assertFalse(view.quiet("a/b"));
        assertTrue(view.quiet("a"));
        assertTrue(view.quiet("c"));
        assertTrue(view.quiet(""));
        assertTrue(build().quiet("a/b"), "counted once: the build after it read the folder");
    }

    @Test
    void aFolderReplacedUnderItsNameIsNotQuietNorAnythingBelow() throws Exception {
        watchedAndTrusted();
        Files.move(site.resolve("a"), dir.resolve("a-away"));
        Files.createDirectories(site.resolve("a/b"));
        Files.writeString(site.resolve("a/b/index.html"), "a/b/index.html");
        FolderWatch.View view = build();
        assertFalse(view.quiet("a"));
        assertFalse(view.quiet("a/b"), "the watch of a/b went with the old folder");
        assertTrue(view.quiet("c"));
        assertFalse(view.quiet(""), "an entry of the site folder changed");
    }

    @Test
    void aFolderMovedAwayIsWatchedNoMoreUnderItsOldName() throws Exception {
        watchedAndTrusted();
        Files.move(site.resolve("a/b"), dir.resolve("b-away"));
        Files.createDirectories(site.resolve("a/b"));
        Files.writeString(site.resolve("a/b/index.html"), "a/b/index.html");
        assertFalse(build().quiet("a/b"));
        build();
        assertTrue(build().quiet("a/b"), "the new folder watched in its turn");
        Files.writeString(site.resolve("a/b/page.css"), "changed in the new folder");
        Files.writeString(dir.resolve("b-away/page.css"), "changed in the old one");
        FolderWatch.View view = build();
        assertFalse(view.quiet("a/b"), "the old folder's watch must not vouch for the new one");
        assertTrue(view.quiet("a"));
    }

    @Test
    void touchingAFileOrAddingOneIsAChange() throws Exception {
        watchedAndTrusted();
        Files.setLastModifiedTime(site.resolve("c/index.html"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.writeString(site.resolve("a/stray.html"), "x");
        FolderWatch.View view = build();
        assertFalse(view.quiet("c"));
        assertFalse(view.quiet("a"));
        assertTrue(view.quiet("a/b"), "its name in a did not change");
    }

    @Test
    void aBuildThatDidNotCommitLeavesNothingTrusted() throws Exception {
        watchedAndTrusted();
        watch.begin(); // fails before its commit
        FolderWatch.View after = watch.begin();
        assertFalse(after.trusts("m"));
        assertFalse(after.quiet("a"));
    }

    @Test
    void aNewSiteFolderUnderTheSameNameIsNotTrusted() throws Exception {
        watchedAndTrusted();
        Files.move(site, dir.resolve("site-old"));
        for (String f : FILES) {
            Files.createDirectories(site.resolve(f).getParent());
            Files.writeString(site.resolve(f), f);
        }
        FolderWatch.View view = watch.begin();
        assertFalse(view.trusts("m"));
        assertFalse(view.quiet("c"));
    }

    @Test
    void noMoreFoldersAreWatchedThanTheLimit() throws Exception {
        watch.close();
        watch = FolderWatch.open(site, dir.resolve("work/watch"), 2);
        build();
        assertEquals(2, watch.watchedCount());
        build();
        FolderWatch.View view = watch.begin();
        assertTrue(view.quiet(""));
        assertTrue(view.quiet("a"));
        assertFalse(view.quiet("a/b"), "over the limit: not watched");
        assertFalse(view.quiet("c"));
    }

    @Test
    void changesWhileABuildRunsCountForTheNext() throws Exception {
        watchedAndTrusted();
        FolderWatch.View during = watch.begin();
        assertTrue(during.quiet("c"));
        Files.writeString(site.resolve("c/index.html"), "changed during the build");
        assertTrue(during.quiet("c"), "a view answers as of its beginning");
        watch.committed(during, "m", FILES);
        assertFalse(watch.begin().quiet("c"));
    }
}
