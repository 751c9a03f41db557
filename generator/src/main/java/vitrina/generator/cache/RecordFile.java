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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Small per-stand records of a build (what a folder loaded to, what a stand's pages produced) in one file instead of
 * one file each: a rebuild of 50,000 stands opens one file, not 50,000 per kind of record.
 *
 * <p>A record file has two generations. {@link #get} reads the previous build's record (positional reads: the file is
 * never held in memory); {@link #put} writes this build's record (to a temporary file beside it) and {@link #keep}
 * carries the previous one over unchanged. {@link #commit} makes them the file's content: the records neither put nor
 * kept (stands that are gone) are dropped. A build that ends without committing leaves the previous content as it
 * was; a damaged or foreign file reads as empty. Thread-safe.
 *
 * <p>The file is a log: a commit appends this build's records, a tombstone for each record dropped and a commit mark,
 * so that a rebuild after a 1% edit writes 1% of the records instead of copying them all (137 MB of folder records at
 * 50,000 stands). What follows the last commit mark (a build killed while appending) does not count and is cut off by
 * the next commit. Once the file would hold more than twice what is live, the commit writes the live records into a
 * new file instead and renames it into place.
 *
 * <p>Layout: magic, the header string, then entries: a record ({@code key, record}, UTF-8 key and bytes, each
 * length-prefixed), a tombstone (a key and the length -1) or a commit mark (the key length -1, then the number of
 * entries since the previous mark). When a key appears twice, the later entry holds.
 */
public final class RecordFile implements AutoCloseable {
    private static final int MAGIC = 0x56524602; // "VRF", version 2 (a log; version 1 was rewritten whole)
    private static final int MAX_KEY = 1 << 16;
    private static final int TOMBSTONE = -1;
    private static final int MARK = -1;
    /** Dead bytes a file may hold besides twice its live ones before a commit compacts it. */
    private static final long SLACK = 1 << 20;

    private final Path file;
    private final String header;
    private final FileChannel previous;
    /** Key → {offset, length} of its record in the previous generation. */
    private final Map<String, long[]> index;
    /** Where the previous generation's last commit mark ends (what follows it does not count). */
    private final long committedEnd;
    /** Bytes of the previous generation's live entries (keys, lengths and records). */
    private final long liveBytes;
    /** This build's records, in the order put: appended to the file, or copied into a compacted one, on commit. */
    private final Path next;
    /** Keys put or kept in this generation. */
    private final java.util.Set<String> appended = new java.util.HashSet<>();
    /** Keys put in this generation, with the bytes of their latest entry in {@link #next}. */
    private final Map<String, long[]> puts = new HashMap<>();
    private DataOutputStream out;
    private long nextSize;
    private int putCount;
    private boolean committed;

    private RecordFile(Path file, String header, FileChannel previous, Scan scan) {
        this.file = file;
        this.header = header;
        this.previous = previous;
        this.index = scan.index;
        this.committedEnd = scan.committedEnd;
        this.liveBytes = scan.liveBytes;
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
            Scan scan = scan(channel, header);
            if (scan != null) {
                return new RecordFile(file, header, channel, scan);
            }
        } catch (NoSuchFileException e) {
            // first build
        } catch (IOException | RuntimeException e) {
            // damaged: start afresh
        }
        closeQuietly(channel);
        return new RecordFile(file, header, null, new Scan(Map.of(), -1, 0));
    }

    /** The committed records of a file (-1 as its end: none to append to). */
    private record Scan(Map<String, long[]> index, long committedEnd, long liveBytes) {
    }

    /** The index of a well-formed file with this header, else null. */
    private static Scan scan(FileChannel channel, String header) throws IOException {
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
        // one sequential pass through a buffer, skipping the records: two positional reads per record took 20,000
        // calls per 10,000 stands
        Map<String, long[]> index = new HashMap<>();
        Map<String, long[]> pending = new HashMap<>(); // entries since the last mark (a null value: a tombstone)
        int pendingEntries = 0;
        long at = 8L + headerLength;
        long committedEnd = at;
        channel.position(at);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.channels.Channels.newInputStream(channel), 1 << 16));
        while (at + 4 <= size) {
            int keyLength = in.readInt();
            if (keyLength == MARK) {
                if (at + 8 > size || in.readInt() != pendingEntries) {
                    break; // a mark cut short, or not this generation's: what follows the last good one is dropped
                }
                for (Map.Entry<String, long[]> e : pending.entrySet()) {
                    if (e.getValue() == null) {
                        index.remove(e.getKey());
                    } else {
                        index.put(e.getKey(), e.getValue());
                    }
                }
                pending.clear();
                pendingEntries = 0;
                at += 8;
                committedEnd = at;
                continue;
            }
            if (keyLength < 0 || keyLength > MAX_KEY || at + 4 + keyLength + 4 > size) {
                break;
            }
            byte[] key = in.readNBytes(keyLength);
            int recordLength = in.readInt();
            long start = at + 4 + keyLength + 4;
            if (key.length != keyLength || recordLength < TOMBSTONE || start + Math.max(0, recordLength) > size) {
                break;
            }
            pending.put(new String(key, StandardCharsets.UTF_8),
                    recordLength == TOMBSTONE ? null : new long[] {start, recordLength});
            pendingEntries++;
            if (recordLength > 0) {
                in.skipNBytes(recordLength);
            }
            at = start + Math.max(0, recordLength);
        }
        long live = 0;
        for (Map.Entry<String, long[]> e : index.entrySet()) {
            live += entryBytes(e.getKey().getBytes(StandardCharsets.UTF_8).length, e.getValue()[1]);
        }
        return new Scan(index, committedEnd, live);
    }

    private static long entryBytes(int keyLength, long recordLength) {
        return 8L + keyLength + recordLength;
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
    public synchronized void keep(String key) {
        if (committed) {
            throw new IllegalStateException("record file committed already: " + file);
        }
        if (index.containsKey(key)) {
            appended.add(key); // nothing to write: a commit that appends leaves it where it is
        }
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
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length > MAX_KEY) {
            throw new IllegalArgumentException("record key too long: " + key.length());
        }
        appended.add(key);
        ensureOpen();
        try {
            out.writeInt(k.length);
            out.write(k);
            out.writeInt(record.length);
            out.write(record);
            puts.put(key, new long[] {nextSize + 8 + k.length, record.length});
            putCount++;
            nextSize += entryBytes(k.length, record.length);
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
            List<String> dropped = new ArrayList<>();
            long live = 0;
            for (Map.Entry<String, long[]> e : index.entrySet()) {
                if (!appended.contains(e.getKey())) {
                    dropped.add(e.getKey());
                } else if (!puts.containsKey(e.getKey())) {
                    live += entryBytes(e.getKey().getBytes(StandardCharsets.UTF_8).length, e.getValue()[1]);
                }
            }
            for (Map.Entry<String, long[]> e : puts.entrySet()) {
                live += entryBytes(e.getKey().getBytes(StandardCharsets.UTF_8).length, e.getValue()[1]);
            }
            long appendedSize = committedEnd + nextSize + 16L * dropped.size() + 8;
            if (previous != null && committedEnd > 0 && appendedSize <= 2 * live + SLACK) {
                appendGeneration(dropped);
            } else {
                compact();
            }
            closeQuietly(previous);
            Files.deleteIfExists(next);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + file, e);
        }
    }

    /** Appends this build's records, a tombstone per dropped record and a commit mark after the last commit mark. */
    private void appendGeneration(List<String> dropped) throws IOException {
        try (FileChannel log = FileChannel.open(file, StandardOpenOption.WRITE);
             FileChannel puts = FileChannel.open(next, StandardOpenOption.READ)) {
            log.truncate(committedEnd); // a generation a killed build began to append
            long at = committedEnd;
            for (long done = 0; done < nextSize; ) {
                done += puts.transferTo(done, nextSize - done, log.position(at + done));
            }
            at += nextSize;
            java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream(16 * dropped.size() + 8);
            DataOutputStream t = new DataOutputStream(tail);
            for (String key : dropped) {
                byte[] k = key.getBytes(StandardCharsets.UTF_8);
                t.writeInt(k.length);
                t.write(k);
                t.writeInt(TOMBSTONE);
            }
            t.writeInt(MARK);
            t.writeInt(putCount + dropped.size()); // the entries of this generation, checked when the file is read
            ByteBuffer b = ByteBuffer.wrap(tail.toByteArray());
            while (b.hasRemaining()) {
                at += log.write(b, at);
            }
        }
    }

    /** Writes the live records into a new file (with one commit mark) and renames it into place. */
    private void compact() throws IOException {
        Path compacted = file.resolveSibling(file.getFileName() + ".compact");
        int entries = 0;
        try (FileChannel putsFile = FileChannel.open(next, StandardOpenOption.READ);
             DataOutputStream w = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(compacted),
                     1 << 16))) {
            byte[] h = header.getBytes(StandardCharsets.UTF_8);
            w.writeInt(MAGIC);
            w.writeInt(h.length);
            w.write(h);
            java.util.SortedSet<String> keys = new java.util.TreeSet<>(appended);
            for (String key : keys) {
                long[] put = puts.get(key);
                long[] kept = put == null ? index.get(key) : null;
                FileChannel from = put != null ? putsFile : previous;
                long[] at = put != null ? put : kept;
                if (at == null || from == null) {
                    continue;
                }
                ByteBuffer record = ByteBuffer.allocate((int) at[1]);
                if (!readFully(from, record, at[0])) {
                    throw new IOException("cannot read back the record of " + key);
                }
                byte[] k = key.getBytes(StandardCharsets.UTF_8);
                w.writeInt(k.length);
                w.write(k);
                w.writeInt((int) at[1]);
                w.write(record.array());
                entries++;
            }
            w.writeInt(MARK);
            w.writeInt(entries);
        }
        try {
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void ensureOpen() {
        if (out != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(next), 1 << 16));
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
