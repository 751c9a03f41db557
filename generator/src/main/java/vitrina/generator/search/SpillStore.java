package vitrina.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An append-only temporary file of bytes, read back at the offsets {@link #append} returned. Appends are buffered
 * and serialized; reads of flushed bytes may run from any thread at the same time. The file is deleted by
 * {@link #close}, or failing that when the store becomes unreachable, or at the latest when the JVM exits.
 */
final class SpillStore implements AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private static final Cleaner CLEANER = Cleaner.create();
    /** Files not yet deleted, for the shutdown hook. */
    private static final Set<State> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(State::run), "search-spill-cleanup"));
    }

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;
    /** Bytes in the file, not counting the buffer. */
    private long flushed;

    /** A new empty store in {@code directory}, or in the default temporary-file directory when null. */
    static SpillStore create(Path directory) {
        try {
            Path file = directory == null ? Files.createTempFile("vitrina-search-", ".spill")
                    : Files.createTempFile(Files.createDirectories(directory), "vitrina-search-", ".spill");
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new SpillStore(new State(file, channel));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search index spill file", e);
        }
    }

    private SpillStore(State state) {
        this.state = state;
        OPEN.add(state);
        this.cleanable = CLEANER.register(this, state);
    }

    Path file() {
        return state.file;
    }

    /** Appends {@code length} bytes from {@code bytes[from]}; their offset in the store. */
    synchronized long append(byte[] bytes, int from, int length) {
        long offset = flushed + buffered;
        if (buffered + length > BUFFER) {
            flush();
        }
        if (length > BUFFER) {
            write(ByteBuffer.wrap(bytes, from, length));
        } else {
            System.arraycopy(bytes, from, buffer, buffered, length);
            buffered += length;
        }
        return offset;
    }

    /** Writes the buffered bytes, so that everything appended so far can be read. */
    synchronized void flush() {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0;
            write(ByteBuffer.wrap(buffer, 0, n));
        }
    }

    private void write(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                flushed += state.channel.write(bytes, flushed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index spill file " + state.file, e);
        }
    }

    /** Reads {@code length} flushed bytes at {@code offset} into {@code into[0..length)}. Thread-safe. */
    void read(long offset, byte[] into, int length) {
        ByteBuffer target = ByteBuffer.wrap(into, 0, length);
        try {
            while (target.hasRemaining()) {
                if (state.channel.read(target, offset + target.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index spill file " + state.file, e);
        }
    }

    /** Closes and deletes the file; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** What deleting the file needs, apart from the store itself (so that the cleaner can run it). */
    private static final class State implements Runnable {
        private final Path file;
        private final FileChannel channel;

        State(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void run() {
            OPEN.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                // deleting is what matters
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
