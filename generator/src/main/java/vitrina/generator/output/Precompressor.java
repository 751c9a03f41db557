package vitrina.generator.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code x.gz} beside every text file of a site, for servers that serve precompressed files (nginx
 * {@code gzip_static on}). The JDK's gzip header carries no timestamp, so the bytes are deterministic. Brotli is not
 * offered: no pure-Java Brotli encoder is published to Maven Central (only the decoder {@code org.brotli:dec}, and
 * encoders that wrap native libraries).
 */
final class Precompressor {
    static final Set<String> TEXT = Set.of("html", "css", "js", "json", "xml", "svg", "txt", "webmanifest");
    /** Below this size compression saves nothing worth a request header. */
    static final int MIN_BYTES = 256;

    private Precompressor() {
    }

    /** Compresses the text files among {@code paths} inside {@code root}; returns the new files' manifest entries. */
    static Map<String, OutputManifest.Entry> gzipAll(Path root, Collection<String> paths) {
        Map<String, OutputManifest.Entry> out = new ConcurrentHashMap<>();
        paths.parallelStream().filter(Precompressor::isText).forEach(path -> {
            Path file = SafePaths.resolve(root, path);
            try {
                byte[] plain = Files.readAllBytes(file);
                if (plain.length < MIN_BYTES) {
                    return;
                }
                byte[] gz = gzip(plain);
                Files.write(file.resolveSibling(file.getFileName() + ".gz"), gz);
                out.put(path + ".gz", new OutputManifest.Entry(SiteWriter.sha256(gz), gz.length));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compress " + file, e);
            }
        });
        return out;
    }

    static boolean isText(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && TEXT.contains(path.substring(dot + 1));
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }
}
