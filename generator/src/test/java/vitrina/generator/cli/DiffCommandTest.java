package vitrina.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.output.ManifestJson;
import vitrina.generator.output.OutputManifest;

class DiffCommandTest {
    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void manifests() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        ManifestJson.write(new OutputManifest(new TreeMap<>(Map.of("index.html", new OutputManifest.Entry(a, 1),
                "old.html", new OutputManifest.Entry(a, 1)))), work.resolve("report/manifest.previous.json"));
        ManifestJson.write(new OutputManifest(new TreeMap<>(Map.of("index.html", new OutputManifest.Entry(b, 2),
                "new.html", new OutputManifest.Entry(a, 1)))), work.resolve("report/manifest.json"));
    }

    @Test
    void listsAddedChangedAndDeletedFilesAsText() {
        manifests();
        assertEquals(0, run("diff", "--work", work.toString()));
        assertEquals("~ index.html\n+ new.html\n- old.html\n", out.toString());
    }

    @Test
    void listsTheSameChangesAsJson() {
        manifests();
        assertEquals(0, run("diff", "--work", work.toString(), "--format", "json"));
        assertEquals("{\"added\":[\"new.html\"],\"changed\":[\"index.html\"],\"deleted\":[\"old.html\"]}\n",
                out.toString());
    }

    @Test
    void withoutABuildExplainsWhatToDo() {
        assertEquals(2, run("diff", "--work", work.resolve("none").toString()));
        assertTrue(err.toString().contains("vitrina build"), err::toString);
        assertTrue(Files.notExists(work.resolve("none")));
    }
}
