package vitrina.generator.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    private Path stand(String index) throws Exception {
        Path s = Files.createDirectories(dir.resolve("stand"));
        Files.writeString(s.resolve("stand.yaml"), "name: x\n");
        Files.writeString(s.resolve("index.md"), index);
        Files.createDirectories(s.resolve("gallery"));
        Files.writeString(s.resolve("gallery/01.jpg"), "photo");
        return s;
    }

    @Test
    void anApprovedVersionSurvivesEditsAndDeletionOfTheWorkingFolder() throws Exception {
        SnapshotStore store = new SnapshotStore(dir.resolve("store"));
        Path s = stand("# v1\n");
        SnapshotStore.Version v1 = store.save("shkola-1", s);
        Files.writeString(s.resolve("index.md"), "# v2\n");
        Files.delete(s.resolve("gallery/01.jpg"));

        Path out = dir.resolve("restored");
        store.materialize(store.find("shkola-1", v1.id()).orElseThrow(), out);

        assertEquals("# v1\n", Files.readString(out.resolve("index.md")));
        assertEquals("photo", Files.readString(out.resolve("gallery/01.jpg")));
        assertEquals(v1.id(), SnapshotStore.versionOf(out).id());
    }

    @Test
    void identicalFilesAreStoredOnce() throws Exception {
        SnapshotStore store = new SnapshotStore(dir.resolve("store"));
        Path s = stand("# v1\n");
        store.save("shkola-1", s);
        Files.writeString(s.resolve("index.md"), "# v2\n");
        store.save("shkola-1", s);
        try (Stream<Path> objects = Files.walk(dir.resolve("store/objects"))) {
            assertEquals(4, objects.filter(Files::isRegularFile).count(), "stand.yaml, photo, two index.md");
        }
    }

    @Test
    void changesSinceNamesAddedChangedAndRemovedFiles() throws Exception {
        Path s = stand("# v1\n");
        SnapshotStore.Version v1 = SnapshotStore.versionOf(s);
        Files.writeString(s.resolve("index.md"), "# v2\n");
        Files.writeString(s.resolve("methods.md"), "# m\n");
        Files.delete(s.resolve("gallery/01.jpg"));
        SnapshotStore.Changes c = SnapshotStore.versionOf(s).changesSince(v1);
        assertEquals(List.of("methods.md"), c.added());
        assertEquals(List.of("index.md"), c.changed());
        assertEquals(List.of("gallery/01.jpg"), c.removed());
        assertTrue(c.summary().contains("изменено: index.md"), c.summary());
    }
}
