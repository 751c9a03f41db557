package vitrina.generator.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (content/, the theme) recursively and runs a rebuild once changes have settled: every change
 * restarts a short quiet period, so saving ten files gives one rebuild. Runs on its own daemon thread.
 */
public final class SiteWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Runnable rebuild;
    private final long quietMillis;
    private final Thread thread;
    private volatile boolean closed;

    private SiteWatcher(WatchService watch, Runnable rebuild, long quietMillis) {
        this.watch = watch;
        this.rebuild = rebuild;
        this.quietMillis = quietMillis;
        this.thread = new Thread(this::loop, "vitrina-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching {@code roots} (missing ones are skipped); {@code rebuild} runs after each burst of changes. */
    public static SiteWatcher start(List<Path> roots, long quietMillis, Runnable rebuild) {
        try {
            SiteWatcher w = new SiteWatcher(FileSystems.getDefault().newWatchService(), rebuild, quietMillis);
            for (Path root : roots) {
                w.register(root);
            }
            w.thread.start();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots, e);
        }
    }

    private void register(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                WatchKey key = watch.take();
                boolean changed = drain(key);
                WatchKey next;
                while ((next = watch.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(next);
                }
                if (changed && !closed) {
                    rebuild.run();
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Takes a key's events, watching newly created folders too; whether anything changed. */
    private boolean drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean any = false;
        for (var event : key.pollEvents()) {
            any = true;
            if (event.context() instanceof Path name) {
                Path child = dir.resolve(name);
                if (Files.isDirectory(child)) {
                    try {
                        register(child);
                    } catch (IOException e) {
                        // a folder that vanished again: its parent's events still trigger the rebuild
                    }
                }
            }
        }
        key.reset();
        return any;
    }

    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
