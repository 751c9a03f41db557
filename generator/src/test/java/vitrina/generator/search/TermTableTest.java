package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored stands read back only where the kept term table vouches for their ids (a stand of the mini corpus). */
class TermTableTest {
    @TempDir
    Path dir;

    private Path terms() {
        return dir.resolve("terms.bin");
    }

    private SearchIndexBuilder builder() {
        return new SearchIndexBuilder(MiniCorpus.NOMINATIONS, terms());
    }

    /** The bytes of the corpus's first stand, analyzed by {@code b}. */
    private static byte[] firstStand(SearchIndexBuilder b) {
        return b.bytes(MiniCorpus.stands(b).get(0));
    }

    @Test
    void bytesOfABuilderWithAnotherTableAreRefused() {
        byte[] bytes = firstStand(new SearchIndexBuilder(MiniCorpus.NOMINATIONS));
        assertThrows(IOException.class, () -> builder().readAnalyzed(bytes));
    }

    @Test
    void bytesReadBackByTheSameBuilderAndByALaterBuildAfterSaving() throws IOException {
        SearchIndexBuilder first = builder();
        byte[] bytes = firstStand(first);
        first.readAnalyzed(bytes); // the same build reads what it stored (stand cache round trip of a full build)
        first.saveTerms();
        builder().readAnalyzed(bytes);
    }

    @Test
    void aBuildKilledBeforeSavingLeavesBytesNoLaterBuildReads() throws IOException {
        builder().saveTerms(); // an empty table on disk
        SearchIndexBuilder killed = builder();
        byte[] stranded = firstStand(killed); // new terms, never saved
        SearchIndexBuilder next = builder();
        // the next build gives the same numbers to the words of another stand, and saves them
        byte[] other = next.bytes(MiniCorpus.stands(next).get(1));
        next.saveTerms();
        builder().readAnalyzed(other);
        assertThrows(IOException.class, () -> builder().readAnalyzed(stranded));
        assertThrows(IOException.class, () -> next.readAnalyzed(stranded));
    }

    @Test
    void bytesWithOnlySavedTermsStayReadableWhateverTheBuildThatStoredThem() throws IOException {
        SearchIndexBuilder first = builder();
        firstStand(first);
        first.saveTerms();
        SearchIndexBuilder killed = builder();
        byte[] known = firstStand(killed); // every term saved by the first build: no new number given
        SearchIndexBuilder next = builder();
        next.readAnalyzed(known);
    }

    @Test
    void aDamagedTableStartsAfreshAndItsStandsAreAnalyzedAgain() throws IOException {
        SearchIndexBuilder first = builder();
        byte[] bytes = firstStand(first);
        first.saveTerms();
        byte[] table = Files.readAllBytes(terms());
        Files.write(terms(), java.util.Arrays.copyOf(table, table.length - 3));
        assertThrows(IOException.class, () -> builder().readAnalyzed(bytes));
    }

    @Test
    void damagedBytesAreRefused() {
        SearchIndexBuilder b = builder();
        byte[] bytes = firstStand(b);
        for (int i : new int[] {0, 9, bytes.length / 2, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x10;
            assertThrows(IOException.class, () -> b.readAnalyzed(damaged), "byte " + i);
        }
        assertThrows(IOException.class, () -> b.readAnalyzed(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
    }

    @Test
    void fragmentsOfStandsReadBackAreKeptFromThePreviousSiteNotMadeAgain() {
        SortedMap<String, byte[]> plain = MiniCorpus.build().files();
        java.util.Map<String, byte[]> written = new java.util.TreeMap<>();
        java.util.Set<String> kept = new java.util.TreeSet<>();
        MiniCorpus.buildThroughBytes().write(new vitrina.generator.model.OutputSink() {
            @Override
            public void write(String path, byte[] content) {
                written.put(path, content);
            }

            @Override
            public void copy(String path, Path source) {
                throw new AssertionError(path);
            }

            @Override
            public boolean keep(String path) {
                return path.startsWith("search/d/") && kept.add(path);
            }
        });
        java.util.Set<String> all = new java.util.TreeSet<>(written.keySet());
        all.addAll(kept);
        java.util.Set<String> expected = new java.util.TreeSet<>();
        plain.keySet().forEach(p -> expected.add("search/" + p));
        assertEquals(expected, all);
        // every fragment file was asked for by name and kept: a stand's named from its stored fragments' names, the
        // static page's (not stored with a stand) from its fragment made here
        assertEquals(0, written.keySet().stream().filter(p -> p.startsWith("search/d/")).count());
        assertEquals(plain.keySet().stream().filter(p -> p.startsWith("d/")).count(), kept.size());
        written.forEach((path, bytes) -> assertArrayEquals(plain.get(path.substring("search/".length())), bytes, path));
    }

    @Test
    void aTableOfMostlyDeletedWordsIsStartedAfresh() throws IOException {
        TermTable table = TermTable.load(terms());
        for (int i = 0; i < 70_000; i++) {
            table.id("слово" + i);
        }
        TermTable.Stamp stamp = table.stamp();
        table.save(terms(), 10); // ten of them still used: the table is mostly garbage
        TermTable next = TermTable.load(terms());
        assertEquals(0, next.size());
        assertEquals(false, next.vouchesFor(stamp, 5));
        TermTable kept = TermTable.load(terms());
        kept.id("одно");
        kept.save(terms(), 1);
        assertEquals(1, TermTable.load(terms()).size());
    }
}
