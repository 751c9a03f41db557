package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.OutputSink;

/** The index built from spilled documents in bounded passes: same files whatever the passes, no file left over. */
class SearchIndexSpillTest {
    private static final String SHARED = "Программа развития образовательной организации рассчитана на пять лет и "
            + "включает цели, задачи, этапы реализации, мониторинг качества образования, ежегодный публичный доклад, "
            + "обновление материально технической базы, повышение квалификации педагогов, сетевое взаимодействие с "
            + "вузами региона, развитие дополнительного образования детей, создание школьного музея.";

    @TempDir
    Path temp;

    @Test
    void manyPartitionsGiveTheSameFilesAsOneOnTheMiniCorpus() {
        SortedMap<String, byte[]> one = mini(Long.MAX_VALUE).files();
        for (long budget : new long[] {1, 20, 200}) {
            SearchIndexBuilder b = mini(budget);
            assertSame(one, b.files());
            assertEquals(MiniCorpus.build().related(2), b.related(2));
            assertEquals(MiniCorpus.build().nearDuplicates(0.5), b.nearDuplicates(0.5));
            b.close();
        }
        assertSame(one, MiniCorpus.build().files());
    }

    @Test
    void manyPartitionsGiveTheSameFilesAsOneOnAGeneratedCorpus() {
        SyntheticAnalyzed corpus = new SyntheticAnalyzed(5_000, 120, 11);
        SortedMap<String, byte[]> one;
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, Long.MAX_VALUE)) {
            corpus.addTo(b, 3_000, false);
            one = b.files();
        }
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 30_000)) {
            corpus.addTo(b, 3_000, false);
            assertTrue(b.partitions() > 10, "partitions: " + b.partitions());
            assertSame(one, b.files()); // through the buckets
        }
        for (int ranges : new int[] {2, 3, 7}) { // the bucket pass split into ranges of documents, one thread each
            try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 30_000)) {
                corpus.addTo(b, 3_000, false);
                b.bucketRanges(ranges, 1);
                assertSame(one, b.files());
            }
        }
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 30_000)) {
            corpus.addTo(b, 3_000, false);
            b.directPasses(Integer.MAX_VALUE); // every partition straight from the documents
            assertSame(one, b.files());
        }
    }

    @Test
    void commonTermsKeepNoPositionsInThePartitionsAndTheFilesAreTheSameInOneOrMany() {
        SyntheticAnalyzed corpus = new SyntheticAnalyzed(5_000, 120, 11);
        SortedMap<String, byte[]> one;
        int partitionsWithPositions;
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 30_000)) {
            corpus.addTo(b, 3_000, false);
            partitionsWithPositions = b.partitions();
        }
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, Long.MAX_VALUE)) {
            b.positionsMaxDf(40);
            corpus.addTo(b, 3_000, false);
            one = b.files();
        }
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 30_000)) {
            b.positionsMaxDf(40);
            corpus.addTo(b, 3_000, false);
            // the common terms' positions no longer count: fewer passes for the same budget
            assertTrue(b.partitions() > 1 && b.partitions() < partitionsWithPositions,
                    b.partitions() + " partitions, " + partitionsWithPositions + " with every position");
            assertSame(one, b.files());
        }
    }

    @Test
    void standsAddedFromManyThreadsGiveTheSameFilesAsOneByOne() throws Exception {
        SyntheticAnalyzed corpus = new SyntheticAnalyzed(3_000, 80, 5);
        SortedMap<String, byte[]> sequential;
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 50_000)) {
            corpus.addTo(b, 2_000, false);
            CopyFixture.addTwoStandsSharing(b, SHARED);
            sequential = b.files();
        }
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 50_000)) {
            String[] words = corpus.words();
            int[] ids = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                ids[i] = b.termId(words[i]);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                int stands = 2_000 / SyntheticAnalyzed.DOCS_PER_STAND;
                for (int t = 0; t < 4; t++) {
                    int first = t;
                    done.add(pool.submit(() -> {
                        for (int s = stands - 1 - first; s >= 0; s -= 4) { // reverse order, interleaved
                            b.add(b.analyzed(corpus.stand(s, words, ids)));
                        }
                    }));
                }
                done.add(pool.submit(() -> CopyFixture.addTwoStandsSharing(b, SHARED)));
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertSame(sequential, b.files());
            assertEquals(1, b.nearDuplicates(0.5).size());
        }
    }

    @Test
    void theSpillFileIsDeletedWhenTheBuilderIsClosed() throws Exception {
        Path file;
        try (SearchIndexBuilder b = mini(100, temp)) {
            file = b.spillFile();
            assertNotNull(file);
            assertTrue(file.startsWith(temp), file.toString());
            assertFalse(b.files().isEmpty());
            assertTrue(Files.size(file) > 0);
            b.nearDuplicates(0.5);
            b.related(2);
            assertTrue(Files.exists(file));
        }
        assertFalse(Files.exists(file));
        try (var left = Files.list(temp)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void theSpillFileIsDeletedWhenWritingFails() throws Exception {
        SearchIndexBuilder b = mini(100, temp);
        Path file = b.spillFile();
        try (b) {
            assertThrows(IllegalStateException.class, () -> b.write(new OutputSink() {
                @Override
                public void write(String path, byte[] content) {
                    throw new IllegalStateException("disk full");
                }

                @Override
                public void copy(String path, Path source) {
                    throw new AssertionError();
                }
            }));
        }
        assertFalse(Files.exists(file));
        assertNull(b.spillFile());
    }

    @Test
    void positionsStreamedThroughTemporaryFilesGiveTheSameFilesAndLeaveNoFile() throws Exception {
        streamedPositionsGiveTheSameFiles(IndexFiles.POSITIONS_MAX_DF);
    }

    @Test
    void positionsStreamedThroughTemporaryFilesGiveTheSameFilesWithCommonTermsLeftOut() throws Exception {
        streamedPositionsGiveTheSameFiles(300);
    }

    private void streamedPositionsGiveTheSameFiles(int positionsMaxDf) throws Exception {
        SyntheticAnalyzed corpus = new SyntheticAnalyzed(3_000, 80, 5);
        SortedMap<String, byte[]> inMemory;
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 50_000)) {
            corpus.addTo(b, 2_000, false);
            CopyFixture.addTwoStandsSharing(b, SHARED);
            b.positionsMaxDf(positionsMaxDf);
            inMemory = b.files();
        }
        // every term large and every group in a file; then only the commonest terms, groups past 4 KB
        for (long[] limits : new long[][] {{0, 1}, {400, 4096}}) {
            List<String> copied = java.util.Collections.synchronizedList(new ArrayList<>());
            try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 50_000)) {
                corpus.addTo(b, 2_000, false);
                CopyFixture.addTwoStandsSharing(b, SHARED);
                b.positionLimits(limits[0], (int) limits[1]);
                b.positionsMaxDf(positionsMaxDf);
                assertSame(inMemory, b.files());
                // a sink is thread-safe: the fragment files are written beside the postings
                java.util.SortedMap<String, byte[]> viaSink = new java.util.concurrent.ConcurrentSkipListMap<>();
                b.write(new OutputSink() {
                    @Override
                    public void write(String path, byte[] content) {
                        viaSink.put(path.substring("search/".length()), content);
                    }

                    @Override
                    public void copy(String path, Path source) {
                        assertTrue(source.startsWith(temp), source.toString());
                        copied.add(path);
                        try {
                            viaSink.put(path.substring("search/".length()), Files.readAllBytes(source));
                        } catch (java.io.IOException e) {
                            throw new AssertionError(e);
                        }
                    }
                });
                assertSame(inMemory, viaSink);
            }
            assertFalse(copied.isEmpty());
            assertTrue(copied.stream().allMatch(path -> path.startsWith("search/q/")), copied.toString());
            try (var left = Files.list(temp)) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void aTemporaryPositionsFileIsDeletedWhenPublishingItFails() throws Exception {
        try (SearchIndexBuilder b = mini(100, temp)) {
            b.positionLimits(0, 1);
            assertThrows(IllegalStateException.class, () -> b.write(new OutputSink() {
                @Override
                public void write(String path, byte[] content) {
                }

                @Override
                public void copy(String path, Path source) {
                    throw new IllegalStateException("disk full");
                }
            }));
        }
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aClosedBuilderTakesNoDocumentsAndBuildsNothing() {
        SearchIndexBuilder b = mini(100, temp);
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, b::files);
        assertThrows(IllegalStateException.class, () -> CopyFixture.addTwoStandsSharing(b, SHARED));
    }

    @Test
    void anEmptyBuilderWritesAnEmptyIndexWithoutASpillFile() {
        try (SearchIndexBuilder b = new SearchIndexBuilder(List.of(), temp, 10)) {
            SortedMap<String, byte[]> files = b.files();
            assertTrue(files.containsKey("index.json"));
            assertNull(b.spillFile());
            assertEquals(List.of(), b.nearDuplicates(0.5));
        }
    }

    private static SearchIndexBuilder mini(long budget) {
        return mini(budget, null);
    }

    private static SearchIndexBuilder mini(long budget, Path dir) {
        return MiniCorpus.build(new SearchIndexBuilder(MiniCorpus.NOMINATIONS, dir, budget));
    }

    private static void assertSame(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }
}
