package vitrina.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import vitrina.generator.model.OutputSink;

/** An in-memory, thread-safe output sink for tests; refuses to write a path twice, as real sinks must. */
final class MemorySink implements OutputSink {
    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public void write(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("bad output path " + path);
        }
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("written twice: " + path);
        }
    }

    @Override
    public void copy(String path, Path source) {
        try {
            write(path, Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, byte[]> files() {
        return new TreeMap<>(files);
    }

    boolean has(String path) {
        return files.containsKey(path);
    }

    String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new AssertionError("not written: " + path + "; written: " + files.keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
