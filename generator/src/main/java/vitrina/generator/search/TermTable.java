package vitrina.generator.search;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers distinct terms so that analyzed documents stay compact int arrays. Thread-safe.
 *
 * <p>A table can be kept between builds ({@link #load}, {@link #save}): a term keeps its number for as long as the
 * table lives, so that a stand analyzed in one build can join a later build's index by copying its term ids, without
 * looking each of its words up again. Numbers are only ever added. A build numbers its new terms from the count it
 * loaded, under a serial of its own; {@link #save} records the serial with the terms. Stored ids are therefore valid
 * in a later build when they are all below the count their build started from, or when their build's serial was
 * saved ({@link #vouchesFor}). A build killed before saving leaves stored ids that no later build vouches for, and
 * that later build may give the same numbers to other words.
 */
final class TermTable {
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static final int MAGIC = 0x56545431; // "VTT1"
    /** Serials remembered: a stand stored by an older build than these is analyzed again (correct, only slower). */
    private static final int KEPT_SERIALS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Tells tables apart in {@link RussianText}'s per-thread word memory without holding on to them. */
    final int serial = SERIALS.incrementAndGet();
    private final Map<String, Integer> ids;
    private final List<String> terms;
    /** Identifies the table file's lineage: a table started afresh gets a new one, and stored ids of the old mean nothing. */
    private final long tableId;
    /** The number of terms the table had when loaded: this build's new terms are numbered from here. */
    private final int loaded;
    /** This build's serial: stored with the ids it gives, saved with the table. */
    private final long buildSerial = RANDOM.nextLong();
    private final Set<Long> savedSerials;

    TermTable() {
        this(RANDOM.nextLong(), List.of(), List.of());
    }

    private TermTable(long tableId, List<String> terms, List<Long> savedSerials) {
        this.tableId = tableId;
        this.terms = new ArrayList<>(terms);
        this.ids = new HashMap<>(Math.max(16, terms.size() * 4 / 3 + 1));
        for (int i = 0; i < terms.size(); i++) {
            ids.put(terms.get(i), i);
        }
        this.loaded = terms.size();
        this.savedSerials = new LinkedHashSet<>(savedSerials);
    }

    /** The table saved in {@code file}; a new empty one when there is none or it cannot be read. */
    static TermTable load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new TermTable();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt() != MAGIC) {
                return new TermTable();
            }
            long id = in.getLong();
            List<Long> serials = new ArrayList<>();
            for (int n = in.getInt(); n > 0; n--) {
                serials.add(in.getLong());
            }
            int count = in.getInt();
            List<String> terms = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                terms.add(new String(bytes, in.position(), length, StandardCharsets.UTF_8));
                in.position(in.position() + length);
            }
            TermTable table = new TermTable(id, terms, serials);
            return in.hasRemaining() || table.ids.size() != terms.size() ? new TermTable() : table;
        } catch (RuntimeException e) { // truncated or damaged: start afresh (stored ids of the old table are misses)
            return new TermTable();
        }
    }

    /**
     * Writes the table for later builds (to a temporary file renamed into place), with this build's serial when it
     * numbered new terms. Call when no term is being added. When fewer than a third of the terms are {@code live}
     * (still in some document; negative: not known), an empty table with a new id is written instead: the stands stored with the old one
     * are then analyzed again once, and the table stops growing with words long deleted.
     */
    synchronized void save(Path file, int live) {
        if (terms.size() == loaded && Files.exists(file)) {
            return; // nothing new: the file on disk is this table
        }
        boolean fresh = live >= 0 && terms.size() > 3L * live + 65_536;
        Path tmp = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeInt(MAGIC);
                out.writeLong(fresh ? RANDOM.nextLong() : tableId);
                List<Long> serials = new ArrayList<>(fresh ? List.of() : savedSerials);
                if (!fresh) {
                    serials.add(buildSerial);
                }
                serials = serials.subList(Math.max(0, serials.size() - KEPT_SERIALS), serials.size());
                out.writeInt(serials.size());
                for (long s : serials) {
                    out.writeLong(s);
                }
                List<String> kept = fresh ? List.of() : terms;
                out.writeInt(kept.size());
                for (String t : kept) {
                    byte[] b = t.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search term table " + file, e);
        }
    }

    /** What a stand's stored ids must carry to be read back: see {@link #vouchesFor}. */
    record Stamp(long tableId, long buildSerial, int base) {
    }

    /** This build's stamp for ids stored now. */
    Stamp stamp() {
        return new Stamp(tableId, buildSerial, loaded);
    }

    /**
     * Whether ids up to {@code maxId} stored under {@code stamp} name the same terms here: same table, and either all
     * below the count that build started from, or that build's terms saved (and loaded into this table), or stored
     * by this build.
     */
    synchronized boolean vouchesFor(Stamp stamp, int maxId) {
        if (maxId < 0) {
            return true; // no ids at all
        }
        if (stamp.tableId() != tableId) {
            return false;
        }
        if (stamp.buildSerial() == buildSerial) { // stored in this build: numbered by this very table
            return maxId < terms.size();
        }
        return maxId < loaded && (maxId < stamp.base() || savedSerials.contains(stamp.buildSerial()));
    }

    synchronized int id(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = terms.size();
            ids.put(term, id);
            terms.add(term);
        }
        return id;
    }

    synchronized String term(int id) {
        return terms.get(id);
    }

    synchronized int size() {
        return terms.size();
    }

    /** A snapshot of all terms by id. */
    synchronized String[] all() {
        return terms.toArray(new String[0]);
    }
}
