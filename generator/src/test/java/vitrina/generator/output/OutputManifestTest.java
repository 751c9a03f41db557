package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OutputManifestTest {
    private static OutputManifest manifest(Object... pathAndSize) {
        TreeMap<String, OutputManifest.Entry> files = new TreeMap<>();
        for (int i = 0; i < pathAndSize.length; i += 2) {
            files.put((String) pathAndSize[i], new OutputManifest.Entry("0".repeat(64), (Integer) pathAndSize[i + 1]));
        }
        return new OutputManifest(files);
    }

    @Test
    void diffNamesAddedChangedAndDeletedFilesInPathOrder() {
        OutputManifest before = manifest("a", 1, "b", 2, "d", 4, "f", 6, "z/x", 9);
        OutputManifest after = manifest("a", 1, "c", 3, "d", 5, "e", 5, "z/x", 9, "zz", 1);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("b", "deleted");
        expected.put("c", "added");
        expected.put("d", "changed");
        expected.put("e", "added");
        expected.put("f", "deleted");
        expected.put("zz", "added");
        OutputManifest.Diff diff = after.diff(before);
        assertEquals(expected, diff.changes());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(diff.changes().keySet()));
        assertEquals(3, diff.count("added"));
    }

    @Test
    void diffAgainstNothingAddsEverythingAndNothingDeletesEverything() {
        OutputManifest some = manifest("a", 1, "b", 2);
        assertEquals(Map.of("a", "added", "b", "added"), some.diff(manifest()).changes());
        assertEquals(Map.of("a", "deleted", "b", "deleted"), manifest().diff(some).changes());
        assertEquals(Map.of(), some.diff(some).changes());
    }
}
