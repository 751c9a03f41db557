package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill's document encoding (distinct terms with their field counts and positions): the text order comes back
 * whole, and the index reads each term's counts and kept positions as the occurrences say.
 */
class DocumentStoreTest {
    private static final int FIELDS = DocumentStore.FIELDS;

    @TempDir
    Path temp;

    @Test
    void documentsComeBackInTextOrderAndAsTheirDistinctTerms() {
        Random random = new Random(7);
        List<AnalyzedDocument> docs = new ArrayList<>();
        // an empty document, one term repeated in every field, a long one (past the kept positions), large term ids
        docs.add(doc(docs.size(), new int[0], new int[0], new int[0], new int[0]));
        docs.add(doc(docs.size(), new int[] {5, 5}, new int[] {5}, new int[] {5, 7, 5}, new int[] {7}));
        int[] longBody = new int[AnalyzedDocument.MAX_POSITIONS + 3_000];
        for (int i = 0; i < longBody.length; i++) {
            longBody[i] = random.nextInt(300);
        }
        docs.add(doc(docs.size(), new int[] {1, 2}, new int[0], longBody, new int[] {2, 1, 299}));
        for (int d = 0; d < 40; d++) {
            int[][] fields = new int[FIELDS][];
            for (int f = 0; f < FIELDS; f++) {
                fields[f] = new int[random.nextInt(f == 2 ? 1_500 : 12)];
                for (int i = 0; i < fields[f].length; i++) {
                    fields[f][i] = random.nextInt(10) == 0 ? 1_000_000 + random.nextInt(5) : random.nextInt(600);
                }
            }
            docs.add(doc(docs.size(), fields));
        }
        DocumentStore.Encoded encoded = DocumentStore.encode(docs);
        for (int d = 0; d < docs.size(); d++) {
            assertArrayEquals(docs.get(d).fieldTerms(), encoded.terms(d), "document " + d);
        }
        try (DocumentStore store = new DocumentStore(temp)) {
            store.add(docs.stream().map(AnalyzedDocument::doc).toList(), encoded, null, null);
            DocumentStore.Snapshot snapshot = store.snapshot();
            int[] seen = {0};
            snapshot.forEach((d, pairs, lengths) -> {
                int[][] fields = docs.get(d).fieldTerms();
                Map<Integer, int[]> expected = expected(fields);
                assertEquals(expected.size(), pairs.count, "distinct terms of document " + d);
                Map<Integer, int[]> actual = new TreeMap<>();
                for (int k = 0; k < pairs.count; k++) {
                    int[] kept = new int[pairs.occurrences[k] + 1];
                    int n = pairs.keptPositions(k, kept, 1);
                    int[] row = new int[FIELDS + n];
                    for (int f = 0; f < FIELDS; f++) {
                        row[f] = pairs.tfs[k] >>> (8 * f) & 0xff;
                    }
                    System.arraycopy(kept, 1, row, FIELDS, n);
                    actual.put(pairs.terms[k], row);
                }
                assertEquals(expected.keySet(), actual.keySet(), "document " + d);
                expected.forEach((t, row) -> assertArrayEquals(row, actual.get(t), "document " + d + ", term " + t));
                for (int f = 0; f < FIELDS; f++) {
                    assertArrayEquals(fields[f], snapshot.terms(d)[f]);
                }
                seen[0]++;
            });
            assertEquals(docs.size(), seen[0]);
        }
    }

    /** Per term: its count in each field (capped at 255), then its positions under the kept limit. */
    private static Map<Integer, int[]> expected(int[][] fields) {
        Map<Integer, List<Integer>> places = new TreeMap<>();
        Map<Integer, int[]> counts = new TreeMap<>();
        int pos = 0;
        for (int f = 0; f < FIELDS; f++) {
            for (int t : fields[f]) {
                counts.computeIfAbsent(t, k -> new int[FIELDS])[f]++;
                List<Integer> list = places.computeIfAbsent(t, k -> new ArrayList<>());
                if (pos < AnalyzedDocument.MAX_POSITIONS) {
                    list.add(pos);
                }
                pos++;
            }
            pos += AnalyzedDocument.FIELD_GAP;
        }
        Map<Integer, int[]> out = new TreeMap<>();
        counts.forEach((t, c) -> {
            List<Integer> kept = places.get(t);
            int[] row = new int[FIELDS + kept.size()];
            for (int f = 0; f < FIELDS; f++) {
                row[f] = Math.min(c[f], 255);
            }
            for (int i = 0; i < kept.size(); i++) {
                row[FIELDS + i] = kept.get(i);
            }
            out.put(t, row);
        });
        return out;
    }

    /** Sort keys in the order added: the snapshot numbers the documents by them. */
    private static AnalyzedDocument doc(int order, int[]... fields) {
        SearchDocument doc = new SearchDocument(String.format("k%04d", order), "/u/" + order + "/", "t", "s", "stand",
                "page", "", List.of(), AnalyzedDocument.EMPTY_FIELDS);
        return new AnalyzedDocument(doc, fields);
    }
}
