package vitrina.generator.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every file of a built site with its SHA-256 and size, sorted by path. Two manifests give the files added, changed
 * and deleted between builds — what a CDN sync must upload and purge.
 */
public record OutputManifest(SortedMap<String, Entry> files) {

    public OutputManifest {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** One file: hex SHA-256 and size in bytes. */
    public record Entry(String sha256, long size) {
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(Entry::size).sum();
    }

    /** Files in this manifest that are new or changed compared with {@code previous}, and files gone. */
    public Diff diff(OutputManifest previous) {
        Map<String, String> changes = new LinkedHashMap<>();
        TreeMap<String, String> sorted = new TreeMap<>();
        files.forEach((path, entry) -> {
            Entry old = previous.files.get(path);
            if (old == null) {
                sorted.put(path, "added");
            } else if (!old.equals(entry)) {
                sorted.put(path, "changed");
            }
        });
        previous.files.keySet().stream().filter(p -> !files.containsKey(p)).forEach(p -> sorted.put(p, "deleted"));
        changes.putAll(sorted);
        return new Diff(changes);
    }

    /** Path to "added", "changed" or "deleted", sorted by path. */
    public record Diff(Map<String, String> changes) {
        public long count(String kind) {
            return changes.values().stream().filter(kind::equals).count();
        }
    }
}
