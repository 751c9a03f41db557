package vitrina.generator.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import vitrina.generator.cache.RecordFile;
import vitrina.generator.output.OutputManifest;
import vitrina.generator.output.SiteWriter;
import vitrina.generator.render.PageReuse;

/**
 * Listing pages remembered between builds: per page file, the key it was made from and its hash and size. A page
 * whose key is unchanged and whose file is still in the site unchanged is taken over instead of rendered: after a
 * small edit, most of the catalogue's two thousand pages (at 50,000 stands) list the same stands as before.
 */
final class PageCache implements PageReuse, AutoCloseable {
    private final RecordFile records;
    private final SiteWriter writer;

    PageCache(Path file, String generator, SiteWriter writer) {
        this.records = RecordFile.open(file, "pages\n" + generator);
        this.writer = writer;
    }

    @Override
    public boolean reuse(String path, String key) {
        Optional<byte[]> record = records.get(path);
        if (record.isEmpty()) {
            return false;
        }
        String[] parts = new String(record.get(), StandardCharsets.UTF_8).split("\n");
        if (parts.length != 3 || !parts[0].equals(key)) {
            return false;
        }
        OutputManifest.Entry entry;
        try {
            entry = new OutputManifest.Entry(parts[1], Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            return false;
        }
        if (!writer.reuseUnchanged(Map.of(path, entry))) {
            return false;
        }
        records.keep(path);
        return true;
    }

    @Override
    public void stored(String path, String key) {
        OutputManifest.Entry e = writer.writtenUnder(path).get(path);
        if (e != null) {
            records.put(path, (key + "\n" + e.sha256() + "\n" + e.size()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Makes this build's records the next build's (call once the site is committed). */
    void commit(boolean partial) {
        if (partial) { // a build of one stand: the full site's listings stay recorded
            records.keepRest();
        }
        records.commit();
    }

    @Override
    public void close() {
        records.close();
    }
}
