package vitrina.generator.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vitrina.generator.cache.RecordFile;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.ProblemCodec;
import vitrina.generator.problem.Severity;

/**
 * The expensive per-stand work (Markdown, photos, material texts) kept on disk between the passes of a build and
 * between builds: one file per stand under {@code cache/stands/}, valid while the stand's key is unchanged. This is
 * what lets a build hold only one stand's HTML per thread, and what lets a rebuild skip unchanged stands.
 *
 * <p>Entries are a small binary format ({@link Codec}: length-prefixed UTF-8 strings, pages' HTML and text as UTF-16,
 * counts, numbers) rather than JSON: a build writes every stand's pages once and reads them back once, and JSON parsing of the large Cyrillic
 * strings took about a tenth of a full build.
 */
final class StandCache {
    /** First bytes of every entry; bump the number when the layout changes. */
    private static final int MAGIC = 0x56534303; // "VSC", version 3

    private final Path dir;
    private final String generator;
    /** This build's heads by stand id, with their key: those {@link #has} found valid and those written. */
    private final Map<String, Current> current = new java.util.concurrent.ConcurrentHashMap<>();
    /** The small part of every entry (key, photos, problems), one record per stand: read without opening 50,000 files. */
    private final RecordFile heads;
    /** Each stand's signature for the similar stands (a few KB; its analyzed search documents are tens). */
    private final RecordFile signatures;
    /**
     * Present from the first entry a build writes until its heads are committed. A build killed in between may have
     * replaced entries whose previous heads still vouch for them; the next build then checks every entry's own key.
     */
    private final Path unsettled;
    private final boolean distrustHeads;
    private volatile java.util.function.Supplier<String> standsKey = () -> null;
    private volatile boolean markedUnsettled;

    StandCache(Path dir, String generator) {
        this.dir = dir;
        this.generator = generator;
        this.heads = RecordFile.open(dir.resolve("heads.bin"), "heads\n" + generator);
        this.signatures = RecordFile.open(dir.resolve("signatures.bin"), "signatures\n" + generator);
        this.unsettled = dir.resolve("heads.unsettled");
        this.distrustHeads = Files.exists(unsettled);
    }

    /** Changes whenever the stand's files, its folder name or the generator change. */
    String key(Stand stand) {
        Keys k = keys.get(stand.id().value());
        if (k != null && k.version().equals(stand.version())) {
            return k.key();
        }
        k = new Keys(stand.version(), BuildKeys.sha256(generator + "\n" + stand.id().value() + "\n" + stand.version()));
        keys.put(stand.id().value(), k);
        return k.key();
    }

    /**
     * A stand's keys, made once per build (by id, for the version they were made of): the stages ask for them five
     * times a stand, and a SHA-256 in a JVM for short runs (C1, no SHA intrinsic) cost 0.7 s at 50,000 stands.
     */
    private record Keys(String version, String key, String loaded, String searchKey) {
        Keys(String version, String key) {
            this(version, key, null, null);
        }
    }

    private final Map<String, Keys> keys = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a usable entry exists: the key matches and every photo variant is still in the image cache. */
    boolean has(Stand stand) {
        String key = key(stand);
        Current c = current.get(stand.id().value());
        if (c != null) {
            return c.key().equals(key);
        }
        Optional<Head> head = previousHead(stand, key);
        if (head.isEmpty() || distrustHeads && !entryKeyIs(stand, key)) {
            return false;
        }
        if (current.putIfAbsent(stand.id().value(), new Current(key, head.get())) == null) {
            heads.keep(stand.id().value());
        }
        return true;
    }

    private record Current(String key, Head head) {
    }

    private boolean entryKeyIs(Stand stand, String key) {
        try (DataInputStream in = Codec.openRead(file(stand))) {
            return key.equals(Codec.str(in));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The small part of a valid entry (photos and problems), without the pages' HTML and texts. */
    Optional<Head> head(Stand stand) {
        String key = key(stand);
        Current c = current.get(stand.id().value());
        if (c != null) {
            return c.key().equals(key) ? Optional.of(c.head()) : Optional.empty();
        }
        return previousHead(stand, key);
    }

    private Optional<Head> previousHead(Stand stand, String key) {
        Optional<byte[]> record = heads.get(stand.id().value());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            StoredHead h = Codec.readHead(record.get());
            if (!key.equals(h.key())) {
                return Optional.empty();
            }
            Map<String, ImageSet> images = images(h.images());
            return images == null ? Optional.empty() : Optional.of(new Head(images, problems(h.problems())));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /**
     * Makes this build's heads (entries written, entries found valid) the ones the next build reads; stands not seen
     * in this build drop out. Call once the site is committed.
     */
    /**
     * The stand's signature stored by {@link #writeSignature} under the same key (which must name everything the
     * stand's search documents are made of); carried over to the next build when found.
     */
    Optional<byte[]> signature(Stand stand, String key) {
        Optional<byte[]> record = signatures.get(stand.id().value());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> signature = body(record.get(), key);
        signature.ifPresent(s -> signatures.keep(stand.id().value()));
        return signature;
    }

    void writeSignature(Stand stand, String key, byte[] signature) {
        signatures.put(stand.id().value(), keyed(key, signature));
    }

    /** {@code key} (hex), a line break, then {@code body}: a stored body with the key it is valid for. */
    private static byte[] keyed(String key, byte[] body) {
        byte[] k = (key + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(k, k.length + body.length);
        System.arraycopy(body, 0, all, k.length, body.length);
        return all;
    }

    /** The body of {@link #keyed} bytes when they were stored under {@code key}. */
    private static Optional<byte[]> body(byte[] all, String key) {
        byte[] k = (key + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (all.length < k.length || !java.util.Arrays.equals(all, 0, k.length, k, 0, k.length)) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOfRange(all, k.length, all.length));
    }

    /** Carries the stand's signature over unchanged (a build that took the whole search index over). */
    void keepSignature(Stand stand) {
        signatures.keep(stand.id().value());
    }

    void commit(boolean partial) {
        if (partial) { // a build of one stand: the other stands' heads stay
            heads.keepRest();
            signatures.keepRest();
        }
        signatures.commit();
        heads.commit();
        try {
            Files.deleteIfExists(unsettled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + unsettled, e);
        }
    }

    /** Closes the heads file; without {@link #commit} the next build reads the previous heads. */
    void close() {
        signatures.close();
        heads.close();
    }

    /** Photo variants and problems of a prepared stand. */
    record Head(Map<String, ImageSet> images, List<Problem> problems) {
    }

    private static Map<String, ImageSet> images(Map<String, Images> stored) {
        Map<String, ImageSet> images = new TreeMap<>();
        for (Map.Entry<String, Images> i : stored.entrySet()) {
            List<ImageSet.Variant> variants = new ArrayList<>();
            for (Variant v : i.getValue().variants()) {
                Path f = Path.of(v.file());
                if (!Files.isRegularFile(f)) {
                    return null;
                }
                variants.add(new ImageSet.Variant(v.width(), v.height(), v.fileName(), f));
            }
            images.put(i.getKey(), new ImageSet(i.getValue().width(), i.getValue().height(), variants));
        }
        return images;
    }

    private static List<Problem> problems(List<StoredProblem> stored) {
        return stored.stream().map(p -> new Problem(p.file(), p.line(), p.column(),
                Severity.valueOf(p.severity()), p.code(), p.message(), p.hint(), p.standId())).toList();
    }

    Optional<Build.Prepared> read(Stand stand) {
        return read(stand, true);
    }

    /**
     * Like {@link #read(Stand)} for rendering pages: without the pages' plain text and the materials' texts (only the
     * search analysis uses them), which are skipped, not decoded: a third of the entry.
     */
    Optional<Build.Prepared> readForPages(Stand stand) {
        return read(stand, false);
    }

    private Optional<Build.Prepared> read(Stand stand, boolean texts) {
        Path file = file(stand);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry e = Codec.readEntry(file, texts);
            if (!key(stand).equals(e.key())) {
                return Optional.empty();
            }
            Map<String, ImageSet> images = images(e.images());
            if (images == null) {
                return Optional.empty();
            }
            List<Problem> problems = problems(e.problems());
            Map<String, vitrina.generator.render.StandContent.MaterialPreview> previews = new TreeMap<>();
            if (e.previews() != null) {
                for (Map.Entry<String, Preview> pv : e.previews().entrySet()) {
                    Path image = pv.getValue().image() == null ? null : Path.of(pv.getValue().image());
                    if (image != null && !Files.isRegularFile(image)) {
                        return Optional.empty(); // the material cache was cleaned: prepare again
                    }
                    previews.put(pv.getKey(), new vitrina.generator.render.StandContent.MaterialPreview(
                            pv.getValue().pages(), image));
                }
            }
            return Optional.of(new Build.Prepared(stand, new LinkedHashMap<>(e.sections()), images,
                    e.materialUrls(), e.materialTexts(), problems, previews));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty(); // a damaged entry is a miss: the stand is prepared again
        }
    }

    void write(Build.Prepared p) {
        Map<String, Images> images = new TreeMap<>();
        p.images().forEach((path, set) -> images.put(path, new Images(set.width(), set.height(),
                set.variants().stream().map(v -> new Variant(v.width(), v.height(), v.fileName(),
                        v.file().toAbsolutePath().toString())).toList())));
        List<StoredProblem> problems = p.problems().stream().map(x -> new StoredProblem(x.file(), x.line(),
                x.column(), x.severity().name(), x.code(), x.message(), x.hint(), x.standId())).toList();
        Map<String, Preview> previews = new TreeMap<>();
        p.previews().forEach((path, pv) -> previews.put(path, new Preview(pv.pages(),
                pv.image() == null ? null : pv.image().toAbsolutePath().toString())));
        Entry e = new Entry(key(p.stand()), p.sections(), images, p.materialUrls(), p.materialTexts(), problems,
                previews);
        Path file = file(p.stand());
        try {
            Files.createDirectories(dir);
            markUnsettled(); // the previous head vouches for the entry replaced now until the heads are committed
            Path tmp = Files.createTempFile(dir, p.stand().id().value(), ".tmp");
            Codec.writeEntry(tmp, e);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            heads.put(p.stand().id().value(), Codec.head(new StoredHead(e.key(), images, problems)));
            current.put(p.stand().id().value(), new Current(e.key(), new Head(p.images(), p.problems())));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the stand cache " + file, ex);
        }
    }

    /**
     * The stand's analyzed search documents stored by {@link #writeSearch}, when stored under the same key: the
     * stand's cache key and everything of the stand record the search documents are made of.
     */
    Optional<byte[]> search(Stand stand) {
        Path file = searchFile(stand);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return body(Files.readAllBytes(file), searchKey(stand));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    void writeSearch(Stand stand, byte[] analyzed) {
        byte[] all = keyed(searchKey(stand), analyzed);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, stand.id().value(), ".tmp");
            Files.write(tmp, all);
            Files.move(tmp, searchFile(stand), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the stand cache " + searchFile(stand), ex);
        }
    }

    /**
     * The stand's key and the loader's key ({@link vitrina.generator.content.ContentLoader#standsKey}): a loaded stand
     * is a function of its folder name, its files' version and that key, and so are its search documents. (Hashing the
     * stand record's text instead took a second of CPU at 50,000 stands.)
     */
    private String searchKey(Stand stand) {
        String loaded = standsKey.get();
        if (loaded == null) {
            throw new IllegalStateException("the stands' loader key is not known yet");
        }
        String key = key(stand);
        Keys k = keys.get(stand.id().value());
        if (k != null && k.searchKey() != null && k.key().equals(key) && k.loaded().equals(loaded)) {
            return k.searchKey();
        }
        String searchKey = BuildKeys.sha256(key + "\n" + loaded);
        keys.put(stand.id().value(), new Keys(stand.version(), key, loaded, searchKey));
        return searchKey;
    }

    /** Where {@link #searchKey} takes the loader's key from, once site.yaml is read. */
    void standsKey(java.util.function.Supplier<String> key) {
        this.standsKey = java.util.Objects.requireNonNull(key, "key");
    }

    private Path searchFile(Stand stand) {
        return dir.resolve(stand.id().value() + ".search.bin");
    }

    private void markUnsettled() throws IOException {
        if (!markedUnsettled) {
            synchronized (this) {
                if (!markedUnsettled) {
                    Files.write(unsettled, new byte[0]);
                    markedUnsettled = true;
                }
            }
        }
    }

    private Path file(Stand stand) {
        return dir.resolve(stand.id().value() + ".stand");
    }

    /** Reads and writes entries; every read checks the magic number and fails on a truncated file. */
    static final class Codec {
        private Codec() {
        }

        static void writeEntry(Path file, Entry e) throws IOException {
            try (DataOutputStream out = open(file)) {
                out.writeInt(MAGIC);
                str(out, e.key());
                out.writeInt(e.sections().size());
                for (Map.Entry<String, RenderedMarkdown> s : e.sections().entrySet()) {
                    str(out, s.getKey());
                    text(out, s.getValue().html());
                    text(out, s.getValue().plainText());
                    out.writeInt(s.getValue().headings().size());
                    for (RenderedMarkdown.Heading h : s.getValue().headings()) {
                        out.writeInt(h.level());
                        str(out, h.id());
                        str(out, h.text());
                    }
                }
                images(out, e.images());
                strings(out, e.materialUrls());
                strings(out, e.materialTexts());
                problems(out, e.problems());
                out.writeInt(e.previews().size());
                for (Map.Entry<String, Preview> p : e.previews().entrySet()) {
                    str(out, p.getKey());
                    out.writeInt(p.getValue().pages());
                    str(out, p.getValue().image());
                }
            }
        }

        static Entry readEntry(Path file) throws IOException {
            return readEntry(file, true);
        }

        /** @param texts false: the plain texts come back empty (skipped in the file, not decoded) */
        static Entry readEntry(Path file, boolean texts) throws IOException {
            try (DataInputStream in = openRead(file)) {
                String key = str(in);
                int n = count(in);
                Map<String, RenderedMarkdown> sections = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String slug = str(in);
                    String html = text(in);
                    String plain = texts ? text(in) : skipText(in);
                    int hn = count(in);
                    List<RenderedMarkdown.Heading> headings = new ArrayList<>(hn);
                    for (int h = 0; h < hn; h++) {
                        headings.add(new RenderedMarkdown.Heading(in.readInt(), str(in), str(in)));
                    }
                    sections.put(slug, new RenderedMarkdown(html, plain, headings));
                }
                Map<String, Images> images = images(in);
                Map<String, String> urls = strings(in);
                Map<String, String> materialTexts = texts ? strings(in) : skipStrings(in);
                List<StoredProblem> problems = problems(in);
                int pn = count(in);
                Map<String, Preview> previews = new TreeMap<>();
                for (int i = 0; i < pn; i++) {
                    previews.put(str(in), new Preview(in.readInt(), str(in)));
                }
                return new Entry(key, sections, images, urls, materialTexts, problems, previews);
            }
        }

        static byte[] head(StoredHead h) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                str(out, h.key());
                images(out, h.images());
                problems(out, h.problems());
            }
            return bytes.toByteArray();
        }

        static StoredHead readHead(byte[] head) throws IOException {
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(head))) {
                if (in.readInt() != MAGIC) {
                    throw new IOException("not a stand cache head of this format");
                }
                return new StoredHead(str(in), images(in), problems(in));
            }
        }

        private static DataOutputStream open(Path file) throws IOException {
            return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        static DataInputStream openRead(Path file) throws IOException {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            if (in.readInt() != MAGIC) {
                in.close();
                throw new IOException("not a stand cache entry of this format: " + file);
            }
            return in;
        }

        private static void images(DataOutputStream out, Map<String, Images> images) throws IOException {
            out.writeInt(images.size());
            for (Map.Entry<String, Images> i : images.entrySet()) {
                str(out, i.getKey());
                out.writeInt(i.getValue().width());
                out.writeInt(i.getValue().height());
                out.writeInt(i.getValue().variants().size());
                for (Variant v : i.getValue().variants()) {
                    out.writeInt(v.width());
                    out.writeInt(v.height());
                    str(out, v.fileName());
                    str(out, v.file());
                }
            }
        }

        private static Map<String, Images> images(DataInputStream in) throws IOException {
            int n = count(in);
            Map<String, Images> images = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String path = str(in);
                int width = in.readInt();
                int height = in.readInt();
                int vn = count(in);
                List<Variant> variants = new ArrayList<>(vn);
                for (int v = 0; v < vn; v++) {
                    variants.add(new Variant(in.readInt(), in.readInt(), str(in), str(in)));
                }
                images.put(path, new Images(width, height, variants));
            }
            return images;
        }

        private static void problems(DataOutputStream out, List<StoredProblem> problems) throws IOException {
            out.writeInt(problems.size());
            for (StoredProblem p : problems) {
                ProblemCodec.write(out, p.file(), p.line(), p.column(), p.severity(), p.code(), p.message(), p.hint(),
                        p.standId());
            }
        }

        private static List<StoredProblem> problems(DataInputStream in) throws IOException {
            return ProblemCodec.read(in, StoredProblem::new);
        }

        private static void strings(DataOutputStream out, Map<String, String> map) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                str(out, e.getKey());
                str(out, e.getValue());
            }
        }

        private static Map<String, String> strings(DataInputStream in) throws IOException {
            int n = count(in);
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                map.put(str(in), str(in));
            }
            return map;
        }

        /** Passes over a string written by {@link #str(DataOutputStream, String)}; returns "". */
        private static String skip(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < -1 || n > 256 << 20) {
                throw new IOException("damaged stand cache entry: string of " + n + " bytes");
            }
            if (n > 0) {
                in.skipNBytes(n);
            }
            return "";
        }

        private static Map<String, String> skipStrings(DataInputStream in) throws IOException {
            int n = count(in);
            for (int i = 0; i < 2 * n; i++) {
                skip(in);
            }
            return Map.of();
        }

        /**
         * A page's HTML or text: its UTF-16 code units, little-endian, after their count. Copying the chars is four
         * times faster than encoding Cyrillic as UTF-8 and decoding is six times faster (both were a tenth of a
         * full build's CPU); the entry grows by less than a tenth, as Cyrillic takes two bytes either way.
         */
        private static void text(DataOutputStream out, String s) throws IOException {
            char[] chars = s.toCharArray();
            byte[] bytes = new byte[chars.length * 2];
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(chars);
            out.writeInt(chars.length);
            out.write(bytes);
        }

        private static String text(DataInputStream in) throws IOException {
            int n = textLength(in);
            byte[] bytes = in.readNBytes(2 * n);
            if (bytes.length != 2 * n) {
                throw new java.io.EOFException("truncated stand cache entry");
            }
            char[] chars = new char[n];
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(chars);
            return new String(chars);
        }

        /** Passes over a text written by {@link #text(DataOutputStream, String)}; returns "". */
        private static String skipText(DataInputStream in) throws IOException {
            in.skipNBytes(2L * textLength(in));
            return "";
        }

        private static int textLength(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 128 << 20) {
                throw new IOException("damaged stand cache entry: text of " + n + " chars");
            }
            return n;
        }

        private static void str(DataOutputStream out, String s) throws IOException {
            ProblemCodec.writeString(out, s);
        }

        static String str(DataInputStream in) throws IOException {
            return ProblemCodec.readString(in);
        }

        private static int count(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 10_000_000) {
                throw new IOException("damaged stand cache entry: count " + n);
            }
            return n;
        }
    }

    record Entry(String key, Map<String, RenderedMarkdown> sections, Map<String, Images> images,
                 Map<String, String> materialUrls, Map<String, String> materialTexts, List<StoredProblem> problems,
                 Map<String, Preview> previews) {
    }

    record Preview(int pages, String image) {
    }

    record StoredHead(String key, Map<String, Images> images, List<StoredProblem> problems) {
    }

    record Images(int width, int height, List<Variant> variants) {
    }

    record Variant(int width, int height, String fileName, String file) {
    }

    record StoredProblem(String file, int line, int column, String severity, String code, String message,
                         String hint, String standId) {
    }
}
