package vitrina.generator.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import vitrina.generator.cache.RecordFile;
import vitrina.generator.model.StandId;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.output.SiteWriter;

/**
 * Remembers, per stand, the render key and the files its pages produced, so that a stand whose key is unchanged
 * is taken over from the previous site instead of rendered. One record per stand in one {@link RecordFile}: the key
 * on the first line, then {@code sha256 size path} per file.
 */
final class RenderCache implements AutoCloseable {
    private final RecordFile records;

    RenderCache(Path file, String generator) {
        this.records = RecordFile.open(file, "render\n" + generator);
    }

    /**
     * Takes the stand's files over from the previous site when the key matches and every file is still there
     * unchanged; otherwise does nothing.
     *
     * @return whether the stand was taken over
     */
    boolean reuse(StandId id, String key, SiteWriter writer) {
        Optional<byte[]> record = records.get(id.value());
        if (record.isEmpty()) {
            return false;
        }
        SortedMap<String, OutputManifest.Entry> files = new TreeMap<>();
        try {
            String[] lines = new String(record.get(), StandardCharsets.UTF_8).split("\n");
            if (!lines[0].equals(key)) {
                return false;
            }
            for (int i = 1; i < lines.length; i++) {
                String[] parts = lines[i].split(" ", 3);
                files.put(parts[2], new OutputManifest.Entry(parts[0], Long.parseLong(parts[1])));
            }
        } catch (RuntimeException e) {
            return false;
        }
        if (!writer.reuseUnchanged(files)) {
            return false;
        }
        records.keep(id.value());
        return true;
    }

    void store(StandId id, String key, Map<String, OutputManifest.Entry> files) {
        StringBuilder sb = new StringBuilder(key).append('\n');
        files.forEach((path, e) -> sb.append(e.sha256()).append(' ').append(e.size()).append(' ').append(path)
                .append('\n'));
        records.put(id.value(), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Makes this build's records the next build's (call once the site is committed); gone stands drop out. */
    void commit(boolean partial) {
        if (partial) { // a build of one stand: the other stands' records stay
            records.keepRest();
        }
        records.commit();
    }

    @Override
    public void close() {
        records.close();
    }
}
