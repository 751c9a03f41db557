package vitrina.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import vitrina.generator.model.StandId;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.output.SiteWriter;

/**
 * The search index and related stands depend on every published document at once, so they are reused only as a
 * whole: when the search key (every published stand's cache key, the pages and the settings) is unchanged and the
 * previous site still holds the index files, they are taken over and the related stands read back.
 * One text file: the key, then {@code R id rel1 rel2…} lines, then {@code F sha256 size path} lines.
 */
final class SearchCache {
    private final Path file;

    SearchCache(Path file) {
        this.file = file;
    }

    /** The related stands when the index was taken over from the previous site; empty on a miss (nothing done). */
    Optional<Map<StandId, List<StandId>>> reuse(String key, SiteWriter writer) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<StandId, List<StandId>> related = new TreeMap<>();
        SortedMap<String, OutputManifest.Entry> files = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(key)) {
                return Optional.empty();
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ");
                if (parts[0].equals("R")) {
                    List<StandId> ids = new ArrayList<>();
                    for (int i = 2; i < parts.length; i++) {
                        ids.add(new StandId(parts[i]));
                    }
                    related.put(new StandId(parts[1]), List.copyOf(ids));
                } else {
                    files.put(parts[3], new OutputManifest.Entry(parts[1], Long.parseLong(parts[2])));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return writer.reuseUnchanged(files) ? Optional.of(related) : Optional.empty();
    }

    void store(String key, Map<StandId, List<StandId>> related, Map<String, OutputManifest.Entry> files) {
        StringBuilder sb = new StringBuilder(key).append('\n');
        new TreeMap<>(related).forEach((id, rel) -> {
            sb.append("R ").append(id.value());
            rel.forEach(r -> sb.append(' ').append(r.value()));
            sb.append('\n');
        });
        files.forEach((path, e) -> sb.append("F ").append(e.sha256()).append(' ').append(e.size()).append(' ')
                .append(path).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "search", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search cache " + file, e);
        }
    }
}
