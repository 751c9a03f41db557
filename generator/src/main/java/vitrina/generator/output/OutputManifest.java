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

    /**
     * Files in this manifest that are new or changed compared with {@code previous}, and files gone. One merge of
     * the two sorted lists (half a million paths each on a large exhibition), no lookups.
     */
    public Diff diff(OutputManifest previous) {
        Map<String, String> changes = new LinkedHashMap<>();
        java.util.Iterator<Map.Entry<String, Entry>> now = files.entrySet().iterator();
        java.util.Iterator<Map.Entry<String, Entry>> before = previous.files.entrySet().iterator();
        Map.Entry<String, Entry> n = now.hasNext() ? now.next() : null;
        Map.Entry<String, Entry> b = before.hasNext() ? before.next() : null;
        while (n != null || b != null) {
            int order = n == null ? 1 : b == null ? -1 : n.getKey().compareTo(b.getKey());
            if (order < 0) {
                changes.put(n.getKey(), "added");
            } else if (order > 0) {
                changes.put(b.getKey(), "deleted");
            } else if (!n.getValue().equals(b.getValue())) {
                changes.put(n.getKey(), "changed");
            }
            if (order <= 0) {
                n = now.hasNext() ? now.next() : null;
            }
            if (order >= 0) {
                b = before.hasNext() ? before.next() : null;
            }
        }
        return new Diff(changes);
    }

    /** Path to "added", "changed" or "deleted", sorted by path. */
    public record Diff(Map<String, String> changes) {
        public long count(String kind) {
            return changes.values().stream().filter(kind::equals).count();
        }
    }
}
