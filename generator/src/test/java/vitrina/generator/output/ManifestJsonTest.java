package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrites() {
        TreeMap<String, OutputManifest.Entry> files = new TreeMap<>();
        files.put("index.html", new OutputManifest.Entry(A, 123));
        files.put("stands/школа-1/index.html", new OutputManifest.Entry(B, 0));
        files.put("assets/site.1a2b3c4d.css", new OutputManifest.Entry(B, 9_876_543_210L));
        files.put("search/f/1.json", new OutputManifest.Entry(A, 7));
        OutputManifest manifest = new OutputManifest(files);
        Path file = dir.resolve("manifest.json");
        ManifestJson.write(manifest, file);
        OutputManifest read = ManifestJson.read(file);
        assertEquals(manifest, read);
        assertEquals(manifest.files().keySet().stream().toList(), read.files().keySet().stream().toList());
        assertEquals("index.html", read.files().headMap("search").lastKey()); // a sorted map like any other
    }

    @Test
    void aMissingFileIsAnEmptyManifest() {
        assertEquals(Map.of(), ManifestJson.read(dir.resolve("none.json")).files());
    }

    @Test
    void skipsDamagedLinesAndKeepsTheRest() throws Exception {
        String text = "{\"files\": {\n"
                + "  \"a.html\": {\"sha256\": \"" + A + "\", \"size\": 1},\n"
                + "  \"short.html\": {\"sha256\": \"" + A.substring(1) + "\", \"size\": 1},\n"
                + "  \"upper.html\": {\"sha256\": \"" + A.toUpperCase() + "\", \"size\": 1},\n"
                + "  \"nosize.html\": {\"sha256\": \"" + A + "\", \"size\": },\n"
                + "  \"b.html\": {\"sha256\": \"" + B + "\", \"size\": 22},\n"
                + "  \"cut.html\": {\"sha256\": \"" + B.substring(0, 10);
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals(Map.of("a.html", new OutputManifest.Entry(A, 1), "b.html", new OutputManifest.Entry(B, 22)),
                ManifestJson.read(file).files());
    }

    @Test
    void linesOutOfOrderAreSortedAsRead() throws Exception {
        String text = "{\"files\": {\n"
                + "  \"z.html\": {\"sha256\": \"" + A + "\", \"size\": 1},\n"
                + "  \"a.html\": {\"sha256\": \"" + B + "\", \"size\": 2}\n}}\n";
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        OutputManifest read = ManifestJson.read(file);
        assertEquals(java.util.List.of("a.html", "z.html"), read.files().keySet().stream().toList());
        assertEquals(new OutputManifest.Entry(B, 2), read.files().get("a.html"));
    }
}
