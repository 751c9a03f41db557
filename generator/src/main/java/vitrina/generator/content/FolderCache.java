package vitrina.generator.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import vitrina.generator.cache.RecordFile;
import vitrina.generator.model.Material;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Region;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.ProblemCodec;

/**
 * What each stand folder loaded to in the previous build, one record per folder in one {@link RecordFile}, so that a
 * rebuild neither hashes unchanged files again nor reads and validates an unchanged stand again:
 * <ul>
 * <li>a file's SHA-256 is reused while its size, modification time, change time and inode are all unchanged (git's
 *     test), and is kept only when the file's change time was at least {@link #SETTLED_MILLIS} before it was read:
 *     a file written again within the same clock tick is hashed again next time;</li>
 * <li>the stand as loaded (without its Markdown: the stand cache holds the pages prepared) and its warnings are
 *     reused while the folder's version (every file's hash), the folder's place, site.yaml, the contest year and the
 *     generator are unchanged, and while {@code usable} accepts the stand (the build: its prepared pages are still in
 *     the stand cache).</li>
 * </ul>
 * A damaged or foreign record is a miss. Thread-safe: folders load in parallel.
 */
public final class FolderCache implements AutoCloseable {
    /** First bytes of every record; bump the number when the layout changes. */
    private static final int MAGIC = 0x56464301; // "VFC", version 1
    /** How old a file's last change must be before its hash is trusted by its metadata alone. */
    static final long SETTLED_MILLIS = 2_000;

    private final RecordFile records;
    private final String generator;
    private final Predicate<Stand> usable;
    private final java.util.function.LongSupplier clock;

    /**
     * @param file      the record file (one for all folders)
     * @param generator changes whenever the generator changes (its version and build)
     * @param usable    whether a remembered stand (without Markdown) may stand in for reading the folder again
     */
    public FolderCache(Path file, String generator, Predicate<Stand> usable) {
        this(file, generator, usable, System::currentTimeMillis);
    }

    /** @param clock the current time in milliseconds, for telling settled files (tests move it on) */
    FolderCache(Path file, String generator, Predicate<Stand> usable, java.util.function.LongSupplier clock) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.records = RecordFile.open(Objects.requireNonNull(file, "file"), "folders\n" + generator);
        this.usable = Objects.requireNonNull(usable, "usable");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current time in milliseconds. */
    long now() {
        return clock.getAsLong();
    }

    /** A regular file's metadata and content hash. {@code changed} and {@code inode} are -1 where not known. */
    record FileStat(long size, long modified, long changed, long inode, String sha256) {

        FileStat withHash(String sha256) {
            return new FileStat(size, modified, changed, inode, sha256);
        }

        /** The same file, unchanged since this was recorded (as far as metadata can tell). */
        boolean sameAs(FileStat other) {
            return other != null && size == other.size && modified == other.modified && changed == other.changed
                    && inode == other.inode;
        }

        /** Whether the file last changed at least {@link #SETTLED_MILLIS} before {@code readAtMillis}. */
        boolean settledBefore(long readAtMillis) {
            long last = changed >= 0 ? Math.max(changed, modified) : modified;
            return last < TimeUnit.MILLISECONDS.toNanos(readAtMillis - SETTLED_MILLIS);
        }

        static long nanos(FileTime t) {
            java.time.Instant i = t.toInstant();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }
    }

    /** What the previous build recorded for one folder. */
    record Known(Map<String, FileStat> files, Stand stand, List<Problem> problems) {
        static final Known NONE = new Known(Map.of(), null, List.of());
    }

    /**
     * The record of the folder at {@code standDir} for this loader key, or {@link Known#NONE}. A record found is
     * carried over to the next build unless {@link #write} replaces it.
     */
    Known read(Path standDir, String loaderKey) {
        String place = place(standDir);
        Optional<byte[]> record = records.get(place);
        if (record.isEmpty()) {
            return Known.NONE;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record.get()))) {
            if (in.readInt() != MAGIC || !str(in).equals(place)) {
                return Known.NONE;
            }
            records.keep(place);
            boolean sameLoader = str(in).equals(key(loaderKey));
            int n = count(in);
            Map<String, FileStat> files = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                files.put(str(in), new FileStat(in.readLong(), in.readLong(), in.readLong(), in.readLong(), str(in)));
            }
            if (!sameLoader || !in.readBoolean()) {
                return new Known(files, null, List.of());
            }
            Stand stand = StandCodec.read(in);
            return new Known(files, stand, ProblemCodec.read(in));
        } catch (IOException | RuntimeException e) {
            return Known.NONE; // damaged: read the folder again
        }
    }

    /** The daemon's memory of the folders between builds (null: none). */
    private volatile ContentMemory memory;

    /** Takes quiet folders' stands from {@code memory} (see {@link ContentMemory}); null: none. */
    public FolderCache memory(ContentMemory memory) {
        this.memory = memory;
        return this;
    }

    ContentMemory memory() {
        return memory;
    }

    /** Whether the remembered stand may be used without reading the folder. */
    boolean usable(Stand stand) {
        return usable.test(stand);
    }

    /**
     * Records the folder: the settled files' hashes and, when it loaded without errors, the stand without Markdown
     * and its problems. It counts from the next build on, once {@link #commit} ran.
     */
    void write(Path standDir, String loaderKey, Map<String, FileStat> files, Stand stand, List<Problem> problems) {
        String place = place(standDir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            str(out, place);
            str(out, key(loaderKey));
            out.writeInt(files.size());
            for (Map.Entry<String, FileStat> f : files.entrySet()) {
                str(out, f.getKey());
                FileStat s = f.getValue();
                out.writeLong(s.size());
                out.writeLong(s.modified());
                out.writeLong(s.changed());
                out.writeLong(s.inode());
                str(out, s.sha256());
            }
            out.writeBoolean(stand != null);
            if (stand != null) {
                StandCodec.write(out, stand);
                ProblemCodec.write(out, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the folder record of " + standDir, e);
        }
        records.put(place, bytes.toByteArray());
    }

    /**
     * Makes the records of the folders read or written since this cache was opened the ones the next build finds
     * (folders that are gone drop out). Written to a temporary file and renamed: a build killed before keeps the old.
     */
    public void commit() {
        records.commit();
    }

    /** Closes the file; without {@link #commit} the next build finds the records of the previous one. */
    @Override
    public void close() {
        records.close();
    }

    private String key(String loaderKey) {
        return generator + "\n" + loaderKey;
    }

    /** The live folder and its approved snapshots are different places. */
    private static String place(Path standDir) {
        return standDir.toAbsolutePath().toString();
    }

    static void str(DataOutputStream out, String s) throws IOException {
        ProblemCodec.writeString(out, s);
    }

    static String str(DataInputStream in) throws IOException {
        return ProblemCodec.readString(in);
    }

    /**
     * A string that many stands repeat (a page's file name and slug, a region, a nomination), read as the one copy
     * the JVM keeps of it: a rebuild of 50,000 stands held a copy per stand.
     */
    private static String shared(DataInputStream in) throws IOException {
        String s = str(in);
        return s == null ? null : s.intern();
    }

    static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("damaged folder cache: count " + n);
        }
        return n;
    }

    /** The fields of a {@link Stand}, in declaration order. */
    static final class StandCodec {
        private StandCodec() {
        }

        static void write(DataOutputStream out, Stand s) throws IOException {
            str(out, s.id().value());
            Organization o = s.org();
            str(out, o.name());
            str(out, o.shortName());
            str(out, o.type().name());
            out.writeInt(o.region().code());
            str(out, o.region().name());
            str(out, o.city());
            str(out, o.address());
            str(out, o.inn());
            str(out, o.ogrn());
            out.writeBoolean(o.license() != null);
            if (o.license() != null) {
                str(out, o.license().number());
                str(out, o.license().date() == null ? null : o.license().date().toString());
            }
            out.writeInt(o.founded());
            str(out, o.website());
            out.writeBoolean(o.head() != null);
            if (o.head() != null) {
                str(out, o.head().name());
                str(out, o.head().position());
            }
            str(out, o.summary());
            out.writeInt(s.nominations().size());
            for (String n : s.nominations()) {
                str(out, n);
            }
            out.writeInt(s.sections().size());
            for (Section x : s.sections()) {
                str(out, x.slug());
                str(out, x.title());
                str(out, x.file());
                str(out, x.markdown());
                out.writeInt(x.bodyLine());
                out.writeInt(x.order());
            }
            out.writeInt(s.materials().size());
            for (Material m : s.materials()) {
                str(out, m.path());
                str(out, m.source() == null ? null : m.source().toString());
                str(out, m.urlName());
                str(out, m.displayName());
                str(out, m.title());
                str(out, m.description());
                str(out, m.nomination());
                str(out, m.format());
                out.writeLong(m.size());
                str(out, m.sha256());
            }
            out.writeInt(s.photos().size());
            for (Photo p : s.photos()) {
                photo(out, p);
            }
            out.writeBoolean(s.logo() != null);
            if (s.logo() != null) {
                photo(out, s.logo());
            }
            out.writeBoolean(s.cover() != null);
            if (s.cover() != null) {
                photo(out, s.cover());
            }
            str(out, s.version());
            str(out, s.approved() == null ? null : s.approved().toString());
        }

        static Stand read(DataInputStream in) throws IOException {
            StandId id = new StandId(str(in));
            String name = str(in);
            String shortName = str(in);
            OrgType type = OrgType.valueOf(str(in));
            Region region = new Region(in.readInt(), shared(in));
            String city = str(in);
            String address = str(in);
            String inn = str(in);
            String ogrn = str(in);
            Organization.License license = null;
            if (in.readBoolean()) {
                String number = str(in);
                String date = str(in);
                license = new Organization.License(number, date == null ? null : LocalDate.parse(date));
            }
            int founded = in.readInt();
            String website = str(in);
            Organization.Head head = in.readBoolean() ? new Organization.Head(str(in), str(in)) : null;
            Organization org = new Organization(name, shortName, type, region, city, address, inn, ogrn, license,
                    founded, website, head, str(in));
            int n = count(in);
            List<String> nominations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                nominations.add(shared(in));
            }
            n = count(in);
            List<Section> sections = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sections.add(new Section(shared(in), str(in), shared(in), str(in), in.readInt(), in.readInt()));
            }
            n = count(in);
            List<Material> materials = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String path = str(in);
                String source = str(in);
                materials.add(new Material(path, source == null ? null : Path.of(source), str(in), str(in), str(in),
                        str(in), str(in), str(in), in.readLong(), str(in)));
            }
            n = count(in);
            List<Photo> photos = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                photos.add(photo(in));
            }
            Photo logo = in.readBoolean() ? photo(in) : null;
            Photo cover = in.readBoolean() ? photo(in) : null;
            String version = str(in);
            String approved = str(in);
            return new Stand(id, org, nominations, sections, materials, photos, logo, cover, version,
                    approved == null ? null : LocalDate.parse(approved));
        }

        private static void photo(DataOutputStream out, Photo p) throws IOException {
            str(out, p.path());
            str(out, p.source() == null ? null : p.source().toString());
            str(out, p.urlName());
            str(out, p.caption());
            str(out, p.sha256());
        }

        private static Photo photo(DataInputStream in) throws IOException {
            String path = str(in);
            String source = str(in);
            return new Photo(path, source == null ? null : Path.of(source), str(in), str(in), str(in));
        }
    }
}
