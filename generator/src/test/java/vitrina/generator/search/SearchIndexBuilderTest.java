package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.StandId;

class SearchIndexBuilderTest {

    @Test
    void buildingTheSameContentTwiceGivesByteIdenticalFiles() {
        SortedMap<String, byte[]> a = MiniCorpus.build().files();
        SortedMap<String, byte[]> b = MiniCorpus.build().files();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
    }

    @Test
    void commonTermsKeepTheirPostingsButPublishNoPositions() {
        SortedMap<String, byte[]> all = MiniCorpus.build().files();
        SearchIndexBuilder b = MiniCorpus.build();
        b.positionsMaxDf(3);
        SortedMap<String, byte[]> capped = b.files();
        Map<String, String> p = under(all, "p/");
        assertEquals(p, under(capped, "p/"), "postings do not depend on the cap");
        String allQ = String.join("\n", under(all, "q/").values());
        String cappedQ = String.join("\n", under(capped, "q/").values());
        assertTrue(allQ.contains("\"полн\":"), allQ);
        assertFalse(cappedQ.contains("\"полн\":"), "полного is in four documents: " + cappedQ);
        assertTrue(cappedQ.contains("\"школ\":"), "школа is in three documents: " + cappedQ);
        assertTrue(new String(capped.get(metaName(capped)), StandardCharsets.UTF_8).contains("\"positionsMaxDf\":3"));
        assertTrue(new String(all.get(metaName(all)), StandardCharsets.UTF_8)
                .contains("\"positionsMaxDf\":" + IndexFiles.POSITIONS_MAX_DF));
    }

    private static Map<String, String> under(SortedMap<String, byte[]> files, String folder) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(folder)) {
                out.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return out;
    }

    private static String metaName(SortedMap<String, byte[]> files) {
        return files.keySet().stream().filter(path -> path.startsWith("meta.")).findFirst().orElseThrow();
    }

    @Test
    void aStandAnalyzedButNeverAddedLeavesNoTraceInTheIndex() {
        SortedMap<String, byte[]> plain = MiniCorpus.build().files();
        SortedMap<String, byte[]> withUnpublished = MiniCorpus.buildWithUnpublishedStand().files();
        assertEquals(plain.keySet(), withUnpublished.keySet());
        plain.forEach((path, bytes) -> assertArrayEquals(bytes, withUnpublished.get(path), path));
        assertEquals(MiniCorpus.build().related(2), MiniCorpus.buildWithUnpublishedStand().related(2));
    }

    @Test
    void standsReadBackFromTheirBytesGiveTheSameIndexAndRelatedStands() {
        SortedMap<String, byte[]> plain = MiniCorpus.build().files();
        SortedMap<String, byte[]> throughBytes = MiniCorpus.buildThroughBytes().files();
        assertEquals(plain.keySet(), throughBytes.keySet());
        plain.forEach((path, bytes) -> assertArrayEquals(bytes, throughBytes.get(path), path));
        assertEquals(MiniCorpus.build().related(2), MiniCorpus.buildThroughBytes().related(2));
    }

    @Test
    void damagedBytesOfAnAnalyzedStandAreAnIoException() {
        SearchIndexBuilder b = new SearchIndexBuilder();
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> b.readAnalyzed(new byte[] {0, 0, 0, 1, 0, 0, 0, 9}));
    }

    @Test
    void everyFileButTheEntryIsNamedByTheHashOfItsContent() {
        for (String path : MiniCorpus.build().files().keySet()) {
            assertTrue(path.equals("index.json") || path.matches("(meta\\.|[tpqdfs]/)[0-9a-f]{12}\\.json"), path);
        }
    }

    @Test
    void aStandsDocumentsShareOneFragmentFileWhichTheDirectoriesPointInto() throws Exception {
        SortedMap<String, byte[]> files = MiniCorpus.build().files();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode meta = json.readTree(files.get(
                json.readTree(files.get("index.json")).get("meta").asText()));
        int per = meta.get("fragmentsPer").asInt();
        int documents = meta.get("docs").asInt();
        java.util.Map<String, java.util.Set<String>> urlsByFile = new TreeMap<>();
        for (int doc = 0; doc < documents; doc++) {
            String entry = json.readTree(files.get(meta.get("fragments").get(doc / per).asText())).get(doc % per)
                    .asText();
            String file = entry.contains("#") ? entry.substring(0, entry.indexOf('#')) : entry;
            int place = entry.contains("#") ? Integer.parseInt(entry.substring(entry.indexOf('#') + 1)) : 0;
            com.fasterxml.jackson.databind.JsonNode fragment = json.readTree(files.get(file)).get(place);
            String url = fragment.get("u").asText();
            // a stand's pages and materials are under /stands/<id>/; the static page is alone in its file
            String owner = url.startsWith("/stands/") ? url.split("/")[2] : url;
            urlsByFile.computeIfAbsent(file, f -> new java.util.TreeSet<>()).add(owner);
        }
        long standFiles = files.keySet().stream().filter(p -> p.startsWith("d/")).count();
        assertEquals(urlsByFile.size(), standFiles, "every fragment file is pointed into");
        urlsByFile.forEach((file, owners) -> assertEquals(1, owners.size(), file + " holds " + owners));
        assertEquals(MiniCorpus.stands(new SearchIndexBuilder()).size() + 1, standFiles, "one file a stand, one for the page");
    }

    @Test
    void entryPointsAtMetaWhichListsDictionaryChunksByTwoLetterPrefix() {
        SortedMap<String, byte[]> files = MiniCorpus.build().files();
        String entry = text(files, "index.json");
        String metaName = entry.replaceAll(".*\"meta\":\"([^\"]+)\".*", "$1");
        String meta = text(files, metaName);
        assertTrue(meta.contains("[\"шк\",\"t/"), meta);
        assertTrue(meta.contains("\"docs\":8"), meta);
        assertTrue(meta.contains("[\"77\",\"Москва\",2,\"s/"), meta);
        assertTrue(meta.contains("[\"innovation\",\"Инновационные подходы\""), meta);
    }

    @Test
    void foldsYoToYeAndStemsIndexTerms() {
        assertEquals(List.of("елочк", "школ", "школ", "школ"), RussianText.terms("Ёлочка, школы и школе; школой!"));
        String all = new String(concat(MiniCorpus.build().files()), StandardCharsets.UTF_8);
        assertTrue(all.contains("\"елочк\""));
        assertFalse(all.contains("\"ёлочк\""));
    }

    @Test
    void writesTheFilesUnderSearchInTheSite() {
        Map<String, byte[]> written = new java.util.concurrent.ConcurrentSkipListMap<>(); // a sink is thread-safe
        MiniCorpus.build().write(new OutputSink() {
            @Override
            public void write(String path, byte[] content) {
                written.put(path, content);
            }

            @Override
            public void copy(String path, java.nio.file.Path source) {
                throw new AssertionError("the index copies nothing");
            }
        });
        assertTrue(written.containsKey("search/index.json"));
        assertTrue(written.keySet().stream().allMatch(p -> p.startsWith("search/")));
    }

    @Test
    void relatedStandsAreTheMostSimilarOthersBestFirst() {
        Map<StandId, List<StandId>> related = MiniCorpus.build().related(2);
        assertEquals(4, related.size());
        related.forEach((id, list) -> assertFalse(list.contains(id), id.value()));
        assertEquals(related, MiniCorpus.build().related(2));
    }

    @Test
    void reportsMaterialsCopiedAcrossStands() {
        SearchIndexBuilder b = MiniCorpus.build();
        String text = "Программа развития образовательной организации рассчитана на пять лет и включает цели, "
                + "задачи, этапы реализации, мониторинг качества образования, ежегодный публичный доклад, "
                + "обновление материально технической базы, повышение квалификации педагогов, сетевое "
                + "взаимодействие с вузами региона, развитие дополнительного образования детей, создание "
                + "школьного музея, проектную деятельность старшеклассников, профильные классы инженерной "
                + "направленности, психологическую службу сопровождения, инклюзивную среду для детей с ОВЗ.";
        CopyFixture.addTwoStandsSharing(b, text);
        List<SearchIndexBuilder.NearDuplicate> dups = b.nearDuplicates(0.5);
        assertEquals(1, dups.size(), dups.toString());
        assertEquals("copy-a", dups.get(0).firstStand());
        assertEquals("copy-b", dups.get(0).secondStand());
        assertTrue(dups.get(0).similarity() > 0.9);
    }

    private static String text(Map<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private static byte[] concat(Map<String, byte[]> files) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        files.values().forEach(out::writeBytes);
        return out.toByteArray();
    }
}
