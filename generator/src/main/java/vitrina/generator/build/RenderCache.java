package vitrina.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vitrina.generator.model.StandId;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.output.SiteWriter;

/**
 * Remembers, per stand, the render key and the files its pages produced, so that a stand whose key is unchanged
 * is taken over from the previous site (hard links) instead of rendered. One small text file per stand under
 * {@code cache/render/}: the key on the first line, then {@code sha256 size path} per file.
 */
final class RenderCache {
    private final Path dir;

    RenderCache(Path dir) {
        this.dir = dir;
    }

    /**
     * Takes the stand's files over from the previous site when the key matches and every file is still there
     * unchanged; otherwise does nothing.
     *
     * @return whether the stand was taken over
     */
    boolean reuse(StandId id, String key, SiteWriter writer) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        SortedMap<String, OutputManifest.Entry> files = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(key)) {
                return false;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ", 3);
                OutputManifest.Entry e = new OutputManifest.Entry(parts[0], Long.parseLong(parts[1]));
                if (writer.previous(parts[2]).filter(e::equals).isEmpty()) {
                    return false;
                }
                files.put(parts[2], e);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (files.isEmpty()) {
            return false;
        }
        files.forEach(writer::reuse);
        return true;
    }

    void store(StandId id, String key, Map<String, OutputManifest.Entry> files) {
        StringBuilder sb = new StringBuilder(key).append('\n');
        files.forEach((path, e) -> sb.append(e.sha256()).append(' ').append(e.size()).append(' ').append(path)
                .append('\n'));
        Path file = file(id);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, id.value(), ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the render cache " + file, e);
        }
    }

    private Path file(StandId id) {
        return dir.resolve(id.value() + ".txt");
    }
}
