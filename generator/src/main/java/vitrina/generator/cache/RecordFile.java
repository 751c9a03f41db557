package vitrina.generator.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Small per-stand records of a build (what a folder loaded to, what a stand's pages produced) in one file instead of
 * one file each: a rebuild of 50,000 stands opens one file, not 50,000 per kind of record.
 *
 * <p>A record file has two generations. {@link #get} reads the previous build's record (positional reads: the file is
 * never held in memory); {@link #put} writes this build's record and {@link #keep} carries the previous one over
 * unchanged, both straight on to the next generation's temporary file. {@link #commit} renames it into place: the
 * records neither put nor kept (stands that are gone) are dropped. A build that ends without committing leaves the
 * previous file as it was; a damaged or foreign file reads as empty. Thread-safe.
 *
 * <p>Layout: magic, the header string, then {@code key, record} pairs (UTF-8 key and bytes, each length-prefixed);
 * when a key appears twice, the later record holds.
 */
public final class RecordFile implements AutoCloseable {
    private static final int MAGIC = 0x56524601; // "VRF", version 1
    private static final int MAX_KEY = 1 << 16;

    private final Path file;
    private final String header;
    private final FileChannel previous;
    /** Key → {offset, length} of its record in the previous generation. */
    private final Map<String, long[]> index;
    private final Path next;
    /** Keys put or kept in this generation. */
    private final java.util.Set<String> appended = new java.util.HashSet<>();
    private DataOutputStream out;
    private boolean committed;

    private RecordFile(Path file, String header, FileChannel previous, Map<String, long[]> index) {
        this.file = file;
        this.header = header;
        this.previous = previous;
        this.index = index;
        this.next = file.resolveSibling(file.getFileName() + ".next");
    }

    /**
     * Opens the record file at {@code file}; its previous records count only when they were written with the same
     * {@code header} (say, the generator's version: a new generator starts afresh).
     */
    public static RecordFile open(Path file, String header) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            Map<String, long[]> index = scan(channel, header);
            if (index != null) {
                return new RecordFile(file, header, channel, index);
            }
        } catch (NoSuchFileException e) {
            // first build
        } catch (IOException | RuntimeException e) {
            // damaged: start afresh
        }
        closeQuietly(channel);
        return new RecordFile(file, header, null, Map.of());
    }

    /** The index of a well-formed file with this header, else null. */
    private static Map<String, long[]> scan(FileChannel channel, String header) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(8);
        if (!readFully(channel, head, 0)) {
            return null;
        }
        head.flip();
        if (head.getInt() != MAGIC) {
            return null;
        }
        int headerLength = head.getInt();
        byte[] expected = header.getBytes(StandardCharsets.UTF_8);
        if (headerLength != expected.length || 8L + headerLength > size) {
            return null;
        }
        ByteBuffer h = ByteBuffer.allocate(headerLength);
        if (!readFully(channel, h, 8) || !java.util.Arrays.equals(h.array(), expected)) {
            return null;
        }
        // one sequential pass through a buffer: two positional reads per record took 20,000 calls per 10,000 stands
        Map<String, long[]> index = new HashMap<>();
        long at = 8L + headerLength;
        channel.position(at);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.channels.Channels.newInputStream(channel), 1 << 16));
        while (at < size) {
            if (at + 4 > size) {
                return null;
            }
            int keyLength = in.readInt();
            if (keyLength < 0 || keyLength > MAX_KEY || at + 4 + keyLength + 4 > size) {
                return null;
            }
            byte[] key = in.readNBytes(keyLength);
            int recordLength = in.readInt();
            long start = at + 4 + keyLength + 4;
            if (key.length != keyLength || recordLength < 0 || start + recordLength > size) {
                return null;
            }
            index.put(new String(key, StandardCharsets.UTF_8), new long[] {start, recordLength});
            in.skipNBytes(recordLength);
            at = start + recordLength;
        }
        return index;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                return false;
            }
            position += n;
        }
        return true;
    }

    /** The previous build's record of {@code key}; empty when there is none or it cannot be read. */
    public Optional<byte[]> get(String key) {
        long[] at = index.get(key);
        if (at == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) at[1]);
        try {
            return readFully(previous, buffer, at[0]) ? Optional.of(buffer.array()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How many records the previous build left. */
    public int previousCount() {
        return index.size();
    }

    /** Records {@code record} as this build's for {@code key}. */
    public void put(String key, byte[] record) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        append(key, record);
    }

    /** Carries the previous record of {@code key} over to the next generation unchanged; nothing when it has none. */
    public void keep(String key) {
        get(key).ifPresent(record -> append(key, record));
    }

    /**
     * Carries over every previous record that was neither put nor kept so far: for a build of part of the site (one
     * stand's preview), which must not make the next full build forget the other stands.
     */
    public synchronized void keepRest() {
        for (String key : index.keySet()) {
            if (!appended.contains(key)) {
                keep(key);
            }
        }
    }

    private synchronized void append(String key, byte[] record) {
        if (committed) {
            throw new IllegalStateException("record file committed already: " + file);
        }
        appended.add(key);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length > MAX_KEY) {
            throw new IllegalArgumentException("record key too long: " + key.length());
        }
        ensureOpen();
        try {
            out.writeInt(k.length);
            out.write(k);
            out.writeInt(record.length);
            out.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + next, e);
        }
    }

    /**
     * Makes this build's records the file's content: the records put or kept, nothing else. A build that put and kept
     * nothing leaves an empty file (no stands, no records).
     */
    public synchronized void commit() {
        if (committed) {
            return;
        }
        ensureOpen();
        try {
            out.close();
            closeQuietly(previous);
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + file, e);
        }
    }

    private void ensureOpen() {
        if (out != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(next), 1 << 16));
            byte[] h = header.getBytes(StandardCharsets.UTF_8);
            out.writeInt(MAGIC);
            out.writeInt(h.length);
            out.write(h);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + next, e);
        }
    }

    /** Closes the file; without a {@link #commit} the previous generation stays and this build's records go. */
    @Override
    public synchronized void close() {
        closeQuietly(previous);
        if (!committed) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // deleted below
                }
            }
            try {
                Files.deleteIfExists(next);
            } catch (IOException ignored) {
                // overwritten by the next build
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
