package vitrina.generator.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where stages put the files of the site. Paths are relative to the site root, with forward slashes and no
 * leading slash (e.g. {@code stands/shkola-1/index.html}). Implementations are thread-safe; writing the same path
 * twice is a programmer error.
 */
public interface OutputSink {
    void write(String path, byte[] content);

    /**
     * Like {@link #write(String, byte[])} for a caller that has hashed the content already: {@code sha256} is the
     * content's SHA-256 digest, which a sink that records hashes then need not compute again (the caller vouches for
     * it). Sinks that record no hashes write as {@link #write(String, byte[])} does.
     */
    default void write(String path, byte[] content, byte[] sha256) {
        write(path, content);
    }

    /** Publishes an existing file (a material, an image variant) without reading it into memory. */
    void copy(String path, Path source);

    /**
     * Keeps the file the previous build published at {@code path}, when it is still there: for a path named by the
     * hash of its content, whose content the caller therefore knows to be the same. False when the file must be
     * written (nothing to keep, or a sink that keeps nothing); the path is then still free.
     */
    default boolean keep(String path) {
        return false;
    }

    default void writeString(String path, String content) {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Convenience for implementations whose copy may fail. */
    static UncheckedIOException unchecked(String what, IOException e) {
        return new UncheckedIOException(what, e);
    }
}
