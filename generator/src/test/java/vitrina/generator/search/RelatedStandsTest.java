package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vitrina.generator.model.StandId;

class RelatedStandsTest {

    /** One stand's documents as text; analyzed only when added, so each table numbers terms in its own order. */
    private record StandText(String id, List<List<String>> docs) {
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfAddingOrOnTermIds() {
        SyntheticCorpus corpus = new SyntheticCorpus(3);
        Random random = new Random(11);
        List<StandText> stands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<List<String>> docs = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                docs.add(List.of(corpus.page(random, 6), d == 0 ? "Школа " + i : "", corpus.page(random, 120),
                        d == 2 ? corpus.page(random, 60) : ""));
            }
            stands.add(new StandText(String.format("stand-%02d", i), docs));
        }
        Map<StandId, List<StandId>> expected = related(stands, 0, false);
        assertEquals(40, expected.size());
        assertTrue(expected.values().stream().allMatch(l -> l.size() == 4), expected.toString());
        for (long seed = 1; seed <= 4; seed++) {
            List<StandText> shuffled = new ArrayList<>(stands);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(expected, related(shuffled, seed, seed % 2 == 0), "seed " + seed);
        }
    }

    @Test
    void signaturesKeptAsBytesGiveTheSameRelatedStandsInALaterBuild() throws java.io.IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(11);
        Random random = new Random(11);
        List<StandText> stands = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stands.add(new StandText(String.format("stand-%02d", i), List.of(List.of(corpus.page(random, 6),
                    "Школа " + i, corpus.page(random, 400), corpus.page(random, 50)))));
        }
        Map<StandId, List<StandId>> expected = related(stands, 0, false);
        // an earlier build: its own term numbering; the signatures as bytes
        TermTable earlier = new TermTable();
        List<byte[]> kept = new ArrayList<>();
        for (StandText st : stands) {
            kept.add(RelatedStands.signatureBytes(documents(st, earlier), earlier));
        }
        // a later build numbers other words first and adds the kept signatures (two of them analyzed afresh)
        TermTable table = new TermTable();
        for (String w : RussianText.terms(new SyntheticCorpus(5).page(new Random(5), 300))) {
            table.id(w);
        }
        RelatedStands later = new RelatedStands();
        for (int i = 0; i < stands.size(); i++) {
            if (i % 15 == 0) {
                later.add(documents(stands.get(i), table), table);
            } else {
                later.addSignatures(kept.get(i), table);
            }
        }
        assertEquals(expected, later.related(4, table));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> later.addSignatures(java.util.Arrays.copyOf(kept.get(1), kept.get(1).length - 3), table));
    }

    private static List<AnalyzedDocument> documents(StandText s, TermTable table) {
        List<AnalyzedDocument> docs = new ArrayList<>();
        for (int d = 0; d < s.docs().size(); d++) {
            docs.add(AnalyzedDocument.of(new SearchDocument("1|" + s.id() + "|" + d, "/stands/" + s.id() + "/",
                    s.id(), s.id(), s.id(), "section", "", List.of(), s.docs().get(d)), table));
        }
        return docs;
    }

    /** Adds the stands in this order (in parallel if asked) to a table that first numbered the words of a page. */
    private static Map<StandId, List<StandId>> related(List<StandText> stands, long seed, boolean parallel) {
        TermTable table = new TermTable();
        for (String w : RussianText.terms(new SyntheticCorpus(seed).page(new Random(seed), 300))) {
            table.id(w);
        }
        RelatedStands related = new RelatedStands();
        (parallel ? stands.parallelStream() : stands.stream()).forEach(s -> {
            List<AnalyzedDocument> docs = new ArrayList<>();
            for (int d = 0; d < s.docs().size(); d++) {
                docs.add(AnalyzedDocument.of(new SearchDocument("1|" + s.id() + "|" + d, "/stands/" + s.id() + "/",
                        s.id(), s.id(), s.id(), "section", "", List.of(), s.docs().get(d)), table));
            }
            related.add(docs, table);
        });
        return related.related(4, table);
    }

    @Test
    void sharedDistinctiveTermsOutweighSharedCommonOnes() {
        TermTable table = new TermTable();
        RelatedStands related = new RelatedStands();
        List<String> common = List.of("школ", "ученик", "урок", "проект");
        List<String> rare = List.of("квазикристалл", "голограф", "спектроскоп");
        // a and b share the rare terms; a and c share only the common ones, which c repeats more than a does
        related.add(List.of(doc(table, "a", rare, 3, common, 3, "a-own")), table);
        related.add(List.of(doc(table, "b", rare, 3, List.of(), 0, "b-own")), table);
        related.add(List.of(doc(table, "c", List.of(), 0, common, 6, "c-own")), table);
        // the common terms are in 7 of the 12 stands (under 60%)
        for (int i = 0; i < 9; i++) {
            related.add(List.of(doc(table, "filler-" + i, List.of(), 0, i < 5 ? common : List.of(), 2,
                    "filler-own-" + i)), table);
        }
        Map<StandId, List<StandId>> found = related.related(3, table);
        List<StandId> ofA = found.get(new StandId("a"));
        assertEquals(new StandId("b"), ofA.get(0), ofA.toString());
        assertEquals(List.of(new StandId("a")), found.get(new StandId("b")));
        found.forEach((id, list) -> assertFalse(list.contains(id), id.value()));
    }

    /** A stand's one document: each rare term {@code rareTimes}, each common term {@code commonTimes}, and its own. */
    private static AnalyzedDocument doc(TermTable table, String standId, List<String> rare, int rareTimes,
                                        List<String> common, int commonTimes, String own) {
        List<Integer> ids = new ArrayList<>();
        for (int k = 0; k < rareTimes; k++) {
            rare.forEach(t -> ids.add(table.id(t)));
        }
        for (int k = 0; k < commonTimes; k++) {
            common.forEach(t -> ids.add(table.id(t)));
        }
        ids.add(table.id(own));
        return doc(standId, ids.stream().mapToInt(Integer::intValue).toArray());
    }

    private static AnalyzedDocument doc(String standId, int[] body) {
        SearchDocument d = new SearchDocument("1|" + standId, "/stands/" + standId + "/", standId, standId, standId,
                "section", "", List.of(), AnalyzedDocument.EMPTY_FIELDS);
        return new AnalyzedDocument(d, new int[][] {{}, {}, body, {}});
    }

    @Test
    void twentyThousandStandsFindStandsOfTheirOwnTopics() {
        int stands = 20_000;
        int topics = 400;
        int topicWords = 25;
        TermTable table = new TermTable();
        int[][] topicIds = new int[topics][topicWords];
        for (int t = 0; t < topics; t++) {
            for (int w = 0; w < topicWords; w++) {
                topicIds[t][w] = table.id("тема" + t + "слово" + w);
            }
        }
        int[] general = new int[300];
        for (int w = 0; w < general.length; w++) {
            general[w] = table.id("общее" + w);
        }
        int[] noise = new int[50_000];
        for (int w = 0; w < noise.length; w++) {
            noise[w] = table.id("шум" + w);
        }
        Random random = new Random(5);
        int[][] standTopics = new int[stands][];
        RelatedStands related = new RelatedStands();
        for (int s = 0; s < stands; s++) {
            standTopics[s] = new int[] {random.nextInt(topics), random.nextInt(topics)};
            int[] body = new int[200];
            for (int i = 0; i < body.length; i++) {
                int kind = random.nextInt(10);
                if (kind < 4) {
                    body[i] = topicIds[standTopics[s][kind % 2]][random.nextInt(topicWords)];
                } else if (kind < 9) {
                    // general words, the first ones far more frequent (a rough Zipf)
                    double u = random.nextDouble();
                    body[i] = general[(int) (general.length * u * u * u)];
                } else {
                    body[i] = noise[random.nextInt(noise.length)];
                }
            }
            related.add(List.of(doc(String.format("s%05d", s), body)), table);
        }
        Map<StandId, List<StandId>> found = related.related(4, table);
        assertEquals(stands, found.size());
        int s = 0;
        for (Map.Entry<StandId, List<StandId>> e : found.entrySet()) {
            assertEquals(String.format("s%05d", s), e.getKey().value());
            assertEquals(4, e.getValue().size(), e.getKey().value());
            int first = Integer.parseInt(e.getValue().get(0).value().substring(1));
            assertTrue(shareATopic(standTopics[s], standTopics[first]), e.getKey() + " -> " + e.getValue());
            s++;
        }
    }

    private static boolean shareATopic(int[] a, int[] b) {
        return a[0] == b[0] || a[0] == b[1] || a[1] == b[0] || a[1] == b[1];
    }
}
