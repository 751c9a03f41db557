package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the browser client's Node tests ({@code src/test/js}, Node's built-in runner) against an index built
 * here from {@link MiniCorpus}, and hands Node the Java stems of a word list to compare with its port.
 */
class SearchClientJsTest {

    @Test
    void browserClientFindsTheExpectedStandsAndStemsLikeLucene(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("search");
        for (Map.Entry<String, byte[]> f : MiniCorpus.build().files().entrySet()) {
            Path target = index.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        // the same corpus with positions only for words of at most three documents (a common word has none)
        Path common = dir.resolve("search-common");
        SearchIndexBuilder withCommon = MiniCorpus.build(new SearchIndexBuilder(MiniCorpus.NOMINATIONS));
        withCommon.positionsMaxDf(3);
        for (Map.Entry<String, byte[]> f : withCommon.files().entrySet()) {
            Path target = common.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        Path fixture = dir.resolve("stems.json");
        Files.writeString(fixture, stemFixture(), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "src/test/js/")
                .redirectErrorStream(true);
        pb.environment().put("VITRINA_SEARCH_INDEX", index.toString());
        pb.environment().put("VITRINA_STEM_FIXTURE", fixture.toString());
        pb.environment().put("VITRINA_SEARCH_INDEX_COMMON", common.toString());
        pb.environment().put("VITRINA_SEARCH_JS", Path.of("../themes/default/assets/search.js").toAbsolutePath()
                .normalize().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("# fail 0") && !output.contains("# pass 0"), output);
    }

    /** {"stems": {word: stem}, "stop": [...], "terms": {text: [terms]}} computed by the Java side. */
    static String stemFixture() throws IOException {
        Map<String, String> stems = new TreeMap<>();
        for (String w : SyntheticCorpus.vocabulary()) {
            stems.put(w, RussianText.stem(w));
        }
        for (String w : RussianText.words(Files.readString(Path.of("src/test/resources/search/words.txt")))) {
            stems.put(w, RussianText.stem(w));
        }
        StringBuilder sb = new StringBuilder("{\"stems\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : stems.entrySet()) {
            sb.append(first ? "" : ",");
            first = false;
            vitrina.generator.model.JsonText.quote(sb, e.getKey()).append(':');
            vitrina.generator.model.JsonText.quote(sb, e.getValue());
        }
        sb.append("},\"stop\":[");
        first = true;
        for (String s : RussianText.stopWords()) {
            sb.append(first ? "" : ",");
            first = false;
            vitrina.generator.model.JsonText.quote(sb, s);
        }
        String text = "Ёлочка-2025: «Школа полного дня» и e-mail, 3.5 кг; ПЕДАГОГИ!";
        sb.append("],\"text\":");
        vitrina.generator.model.JsonText.quote(sb, text).append(",\"terms\":[");
        first = true;
        for (String t : RussianText.terms(text)) {
            sb.append(first ? "" : ",");
            first = false;
            vitrina.generator.model.JsonText.quote(sb, t);
        }
        return sb.append("]}").toString();
    }
}
