package vitrina.generator.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vitrina.generator.model.Stand;
import vitrina.generator.moderation.SnapshotStore;
import vitrina.generator.problem.Problems;

/**
 * Publishes the approved version of a stand from the snapshot store ({@code content/.snapshots/}) when the working
 * folder has moved on: edited after approval, broken, deleted, or sent back for changes. The school's later edits
 * wait for the next round and never appear unmoderated; while changes are requested, the previously approved version
 * stays on the site (visitors keep what the jury already saw; the school's drafts stay private).
 */
final class Snapshots {
    static final String FOLDER = ".snapshots";

    private final SnapshotStore store;
    private final StandLoader loader;
    private final Path materialized;

    Snapshots(Path contentDir, StandLoader loader) {
        this.store = new SnapshotStore(contentDir.resolve(FOLDER));
        this.loader = loader;
        this.materialized = Path.of(System.getProperty("java.io.tmpdir"), "vitrina-snapshots");
    }

    /**
     * The pinned approved version, when it must replace what the working folder holds; empty when the working
     * folder itself is the approved version (or nothing is pinned) and the usual rules apply.
     */
    Optional<Stand> approvedVersion(StandLoader.Outcome working, Moderation moderation, Problems problems) {
        Optional<Moderation.Decision> decision = moderation.find(working.folder());
        if (decision.isEmpty() || decision.get().version() == null || "rejected".equals(decision.get().status())) {
            return Optional.empty();
        }
        Moderation.Decision d = decision.get();
        if (working.stand() != null && d.version().equals(working.stand().version())) {
            return Optional.empty();
        }
        Optional<SnapshotStore.Version> version = find(working.folder(), d.version());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Path dir = materialize(working.folder(), version.get());
        StandLoader.Outcome pinned = loader.load(working.folder(), dir);
        if (pinned.stand() == null) {
            problems.addAll(pinned.problems());
            return Optional.empty();
        }
        Issues note = new Issues(working.folder());
        note.in(Moderation.FILE).warning(d.line(), d.column(), "moderation.version.pinned",
                "На сайте остаётся одобренная версия стенда «" + working.folder() + "» (" + d.version().substring(0, 19)
                        + "…): рабочая папка " + (working.stand() == null ? "изменена с ошибками или удалена" : "изменена после одобрения") + ".",
                "Новые изменения будут опубликованы после одобрения в следующем туре модерации (vitrina moderate approve "
                        + working.folder() + ").");
        problems.addAll(note.list());
        Stand s = pinned.stand();
        return Optional.of(new Stand(s.id(), s.org(), s.nominations(), s.sections(), s.materials(), s.photos(), s.logo(),
                s.cover(), s.version(), moderation.date()));
    }

    private Optional<SnapshotStore.Version> find(String folder, String version) {
        try {
            return store.find(folder, version);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the snapshot once into a temporary folder named by its version, reused by later builds. */
    private Path materialize(String folder, SnapshotStore.Version v) {
        Path dir = materialized.resolve(folder + "-" + v.id().substring(7, 23));
        Path done = dir.resolveSibling(dir.getFileName() + ".complete");
        try {
            if (!Files.exists(done)) {
                Files.createDirectories(materialized);
                Path tmp = Files.createTempDirectory(materialized, ".tmp-");
                Path standDir = tmp.resolve(folder);
                Files.createDirectories(standDir);
                store.materialize(v, standDir);
                if (Files.exists(dir)) {
                    return dir.resolve(folder);
                }
                Files.move(tmp, dir);
                Files.writeString(done, v.id());
            }
            return dir.resolve(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize approved version of " + folder, e);
        }
    }
}
