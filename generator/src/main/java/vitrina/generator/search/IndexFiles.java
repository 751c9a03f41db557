package vitrina.generator.search;

import vitrina.generator.concurrent.Background;
import vitrina.generator.model.JsonText;
import vitrina.generator.model.OutputSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * Lays the index out as static files under {@code search/}, every one but {@code index.json} named by the hash
 * of its content:
 * <ul>
 * <li>{@code index.json} → {@code meta.<hash>.json}: document count, {@code positionsMaxDf}, the dictionary table
 *     (term prefix → file), the fragment directories and the filter facets;</li>
 * <li>{@code t/<hash>.json}: a dictionary chunk, the sorted terms of one prefix with document frequency and the
 *     postings group holding them;</li>
 * <li>{@code p/<hash>.json}: a postings group, per term delta-coded document ids each followed by the
 *     precomputed BM25F score; {@code q/<hash>.json}: the positions of the same postings, for phrases (none for
 *     a word in more than {@code positionsMaxDf} documents, see {@link #POSITIONS_MAX_DF});</li>
 * <li>{@code f/<hash>.json}: fragment directories, where each of 256 consecutive documents' fragment is: file and
 *     place ({@code d/<hash>.json#1}; no place: the first); {@code d/<hash>.json}: the fragments (title, URL, stand,
 *     snippet) of up to 16 consecutive documents of one stand, named by the hash of their own fragments' hashes;</li>
 * <li>{@code s/<hash>.json}: the delta-coded documents of one filter value.</li>
 * </ul>
 */
final class IndexFiles {
    static final int DICT_BUDGET = 12_000;
    static final int POSTINGS_BUDGET = 12_000;
    static final int FRAGMENTS_PER_DIRECTORY = 256;
    /** At most this many documents' fragments share a file (a stand with many materials has several). */
    static final int FRAGMENTS_PER_FILE = 16;
    static final int SCORE_SCALE = 20;

    /** Ints of postings and positions whose JSON one task writes: large enough to be worth a task, small to hold. */
    static final int BATCH_COST = 1 << 16;
    /** How much JSON (in numbers written) may be made ahead of the group being filled. */
    static final long AHEAD_COST = 1 << 22;
    /**
     * Terms whose positions run past this many numbers (a word on every page of 50,000 stands has millions) have
     * their positions written straight into the group's file as it is filled, never held whole in memory.
     */
    static final long LARGE_TERM = 1 << 18;
    /**
     * Terms found in more documents than this keep no positions (the meta file says so): a quoted phrase checks its
     * other words' places and needs such a word only to be in the document. A word on most pages of 50,000 stands has
     * millions of positions: tens of megabytes for a visitor to download, changed by any edit.
     */
    static final int POSITIONS_MAX_DF = 20_000;
    /** A group's positions stay in memory up to this many bytes; past it they go on in a temporary file. */
    static final int GROUP_IN_MEMORY = 4 << 20;

    /** Receives each file once, as soon as it is complete: the index is never held in memory as a whole. */
    private final OutputSink out;
    /** Files written (by name): the fragments are written on a thread of their own, beside the postings. */
    private final java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<SearchDocument> docs;
    /** Per document, its fragment's name when known ahead (stored with its stand); null where not. */
    private final List<String> fragments;
    /** Document → its fragment JSON (kept out of memory until a file is written). */
    private final java.util.function.IntFunction<byte[]> fragmentJson;
    private final InvertedIndex index;
    private final Map<String, String> facetLabels;
    private long largeTerm = LARGE_TERM;
    private int groupInMemory = GROUP_IN_MEMORY;
    private int positionsMaxDf = POSITIONS_MAX_DF;
    private Path tempDirectory;

    IndexFiles(List<SearchDocument> docs, List<String> fragments, java.util.function.IntFunction<byte[]> fragmentJson,
               InvertedIndex index, Map<String, String> facetLabels, OutputSink out) {
        if (fragments.size() != docs.size()) {
            throw new IllegalArgumentException(docs.size() + " documents, " + fragments.size() + " fragment names");
        }
        this.out = out;
        this.docs = docs;
        this.fragments = fragments;
        this.fragmentJson = fragmentJson;
        this.index = index;
        this.facetLabels = facetLabels;
    }

    /**
     * See {@link #LARGE_TERM}, {@link #GROUP_IN_MEMORY} and {@link #POSITIONS_MAX_DF}; temporary files go to
     * {@code tempDirectory} (null: the default).
     */
    IndexFiles positionLimits(long largeTerm, int groupInMemory, int positionsMaxDf, Path tempDirectory) {
        this.largeTerm = largeTerm;
        this.groupInMemory = groupInMemory;
        this.positionsMaxDf = positionsMaxDf;
        this.tempDirectory = tempDirectory;
        return this;
    }

    /** Path under {@code search/} → content, sorted by path. */
    void build() {
        int[] groupOfRank = new int[index.sortedTerms.length];
        // the fragment files depend on the documents alone: written beside the postings, on a thread of their own
        StringBuilder fragmentNames = new StringBuilder();
        java.util.concurrent.CompletableFuture<Void> fragmentFiles = java.util.concurrent.CompletableFuture.runAsync(
                () -> writeFragments(fragmentNames), BACKGROUND);
        List<String[]> groups;
        try {
            groups = writePostings(groupOfRank);
        } finally {
            Background.settle(fragmentFiles); // not left writing whatever happened here
        }
        Background.join(fragmentFiles);
        StringBuilder meta = new StringBuilder("{\"version\":1,\"docs\":").append(docs.size())
                .append(",\"positionsMaxDf\":").append(positionsMaxDf);
        meta.append(",\"dicts\":[");
        writeDictionaries(groupOfRank, groups, meta);
        meta.append("],\"fragmentsPer\":").append(FRAGMENTS_PER_DIRECTORY).append(",\"fragments\":[");
        meta.append(fragmentNames);
        meta.append("],\"facets\":");
        new FacetFiles(docs, facetLabels).write(meta, this::put);
        meta.append('}');
        String metaName = put("meta.", meta.toString());
        emit("index.json", bytes("{\"version\":1,\"meta\":" + JsonText.quote(metaName) + "}"));
    }

    /**
     * Writes the postings groups in sorted term order, partition after partition, cutting a group where the
     * postings would pass {@link #POSTINGS_BUDGET} characters. The JSON of each term is written by tasks running
     * ahead on the common pool (and by this thread when it catches up); the groups are put together in order here.
     */
    private List<String[]> writePostings(int[] groupOfRank) {
        List<String[]> groups = new ArrayList<>();
        try (Group group = new Group(new SpillingFile(groupInMemory, tempDirectory))) {
            writePostings(groupOfRank, groups, group);
        }
        return groups;
    }

    private void writePostings(int[] groupOfRank, List<String[]> groups, Group group) {
        java.util.concurrent.CompletableFuture<InvertedIndex.Partition> next = null;
        try {
            for (int i = 0; i < index.partitions(); i++) {
                // the first partition before any other (its pass sorts the occurrences of all into buckets); each
                // next one is filled on a thread of its own while this one's JSON is made and put in its groups
                InvertedIndex.Partition part = next == null ? index.partition(i) : Background.join(next);
                int following = i + 1;
                next = following < index.partitions() && index.fillsAhead()
                        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> index.partition(following),
                        BACKGROUND) : null;
                writePartition(part, groupOfRank, groups, group);
                index.release(part);
            }
        } finally {
            if (next != null) {
                next.handle((p, e) -> null).join(); // not left filling while the index is closed
            }
        }
        if (group.chars > 0) {
            groups.add(flushGroup(group));
        }
    }

    /** Where the fragment files and the next partition are made. */
    private static final java.util.concurrent.Executor BACKGROUND =
            Background.thread("vitrina-search-files");

    /** Puts one partition's terms into the groups, in order. */
    private void writePartition(InvertedIndex.Partition part, int[] groupOfRank, List<String[]> groups, Group group) {
        Deque<FutureTask<TermJson[]>> pending = new ArrayDeque<>();
        Deque<Long> costs = new ArrayDeque<>();
        long pendingCost = 0;
        int ahead = Math.max(2, 2 * ForkJoinPool.getCommonPoolParallelism());
        int next = part.from;
        try {
            while (next < part.to || !pending.isEmpty()) {
                // bounded by count and by size: the JSON of a term found in every page runs to tens of
                // megabytes, so no more work is started while such a batch waits to be put in its group
                while (next < part.to && pending.size() < ahead
                        && (pending.isEmpty() || pendingCost < AHEAD_COST)) {
                    int end = batchEnd(part, next);
                    int from = next;
                    FutureTask<TermJson[]> task = new FutureTask<>(() -> json(part, from, end));
                    long cost = cost(part, from, end);
                    pending.add(task);
                    costs.add(cost);
                    pendingCost += cost;
                    ForkJoinPool.commonPool().execute(task);
                    next = end;
                }
                pendingCost -= costs.poll();
                FutureTask<TermJson[]> head = pending.poll();
                head.run(); // does nothing when a pool thread has started or done it
                for (TermJson t : result(head)) {
                    if (group.chars > 0 && group.chars + t.postings.length > POSTINGS_BUDGET) {
                        groups.add(flushGroup(group));
                    }
                    group.add(t);
                    if (t.positions == null && !t.common) { // a large term: positions go straight into the group
                        positionsJson(part, t.rank, group.spill, group.positions);
                    }
                    groupOfRank[t.rank] = groups.size();
                }
            }
        } finally {
            pending.forEach(t -> t.cancel(false));
        }
    }

    /** The numbers the JSON of the terms of ranks {@code [from, to)} holds, about. */
    private long cost(InvertedIndex.Partition part, int from, int to) {
        long cost = 0;
        for (int r = from; r < to; r++) {
            cost += termCost(part, r);
        }
        return cost;
    }

    /** The numbers of a term's JSON that a task makes: postings, and positions unless the term is large. */
    private long termCost(InvertedIndex.Partition part, int r) {
        long positions = common(r) ? 0 : positionCount(part, r);
        return 2L * (part.postingEnd(r) - part.postingStart(r)) + (positions > largeTerm ? 0 : positions) + 8;
    }

    /** Found in so many documents that its positions are not published. */
    private boolean common(int r) {
        return index.documentFrequency[r] > positionsMaxDf;
    }

    private static long positionCount(InvertedIndex.Partition part, int r) {
        return part.positionEnd(r, part.postingEnd(r) - 1) - part.positionStart(part.postingStart(r));
    }

    private int batchEnd(InvertedIndex.Partition part, int from) {
        long cost = 0;
        int r = from;
        do {
            cost += termCost(part, r);
            r++;
        } while (r < part.to && cost < BATCH_COST);
        return r;
    }

    private static TermJson[] result(FutureTask<TermJson[]> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the search index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One term's key and JSON arrays, ready to go into a group; no positions for a large or common term. */
    private record TermJson(int rank, String key, byte[] keyBytes, byte[] postings, byte[] positions,
                            boolean common) {
    }

    /** The postings group being filled: postings and positions of the same terms. */
    private static final class Group implements AutoCloseable {
        final ByteText postings = new ByteText(2 * POSTINGS_BUDGET);
        /** The positions JSON made here; drained into {@link #spill} as it grows. */
        final ByteText positions = new ByteText(8 * POSTINGS_BUDGET);
        final SpillingFile spill;
        /** The postings' length in chars (what the budget counts), not bytes: the terms are mostly Cyrillic. */
        long chars;
        /** Whether a term's positions are in the group yet (common terms have none). */
        boolean anyPositions;

        Group(SpillingFile spill) {
            this.spill = spill;
        }

        void add(TermJson t) {
            postings.append(chars == 0 ? '{' : ',').append(t.keyBytes).append(':').append(t.postings);
            chars += 2 + t.key.length() + t.postings.length;
            if (t.common) {
                return;
            }
            positions.append(anyPositions ? ',' : '{').append(t.keyBytes).append(':');
            anyPositions = true;
            if (t.positions != null) {
                positions.append(t.positions);
            }
            spill.drain(positions, 64 * 1024);
        }

        @Override
        public void close() {
            spill.close();
        }
    }

    private String[] flushGroup(Group group) {
        String p = put("p/", group.postings.append('}').toBytes());
        group.spill.drain((group.anyPositions ? group.positions : group.positions.append('{')).append('}'), 0);
        String q = "q/" + group.spill.hash() + ".json";
        if (written.add(q)) {
            group.spill.publish(out, q);
        }
        group.spill.reset();
        group.postings.clear(4 * POSTINGS_BUDGET);
        group.positions.clear(16 * POSTINGS_BUDGET);
        group.chars = 0;
        group.anyPositions = false;
        return new String[] {p, q};
    }

    /**
     * Bytes hashed as they come, kept in memory up to a bound and then in a temporary file (deleted on reset and
     * close): one group's positions can run to tens of megabytes at 50,000 stands.
     */
    static final class SpillingFile implements AutoCloseable {
        private final int inMemory;
        private final Path directory;
        private final ByteText memory = new ByteText(64 * 1024);
        private MessageDigest digest = sha256();
        /** The content's digest, once {@link #hash} made it. */
        private byte[] full;
        private Path file;
        private OutputStream stream;

        SpillingFile(int inMemory, Path directory) {
            this.inMemory = inMemory;
            this.directory = directory;
        }

        /** Moves the buffer's bytes here once it holds at least {@code atLeast} bytes (0: always). */
        void drain(ByteText buffer, int atLeast) {
            if (buffer.size() == 0 || buffer.size() < atLeast) {
                return;
            }
            byte[] b = buffer.array();
            int n = buffer.size();
            digest.update(b, 0, n);
            try {
                if (file == null && memory.size() + n > inMemory) {
                    file = directory == null ? Files.createTempFile("vitrina-search-", ".json")
                            : Files.createTempFile(Files.createDirectories(directory), "vitrina-search-", ".json");
                    stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    stream.write(memory.array(), 0, memory.size());
                    memory.clear(64 * 1024);
                }
                if (file != null) {
                    stream.write(b, 0, n);
                } else {
                    memory.append(b, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary search index file " + file, e);
            }
            buffer.clear(1 << 20);
        }

        /** The file name's hash (same as {@link #hashedName}); call once, after the last bytes. */
        String hash() {
            full = digest.digest();
            return HexFormat.of().formatHex(full, 0, 6);
        }

        /**
         * Hands the content to {@code out} under {@code name}: bytes from memory (with their digest, made by
         * {@link #hash}), or the temporary file.
         */
        void publish(OutputSink out, String name) {
            if (file == null) {
                if (full != null) {
                    out.write(name, memory.toBytes(), full);
                } else {
                    out.write(name, memory.toBytes());
                }
                return;
            }
            try {
                stream.close();
                stream = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary search index file " + file, e);
            }
            out.copy(name, file);
        }

        /** Empties for the next file, deleting the temporary file if there is one. */
        void reset() {
            close();
            memory.clear(1 << 20);
            digest = sha256();
            full = null;
        }

        @Override
        public void close() {
            try {
                if (stream != null) {
                    stream.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the temporary search index file " + file, e);
            } finally {
                stream = null;
                file = null;
            }
        }
    }

    /** The JSON of the terms of ranks {@code [from, to)}; runs on any thread. */
    private TermJson[] json(InvertedIndex.Partition part, int from, int to) {
        TermJson[] out = new TermJson[to - from];
        ByteText sb = new ByteText(4096);
        int[] tf = new int[InvertedIndex.FIELDS];
        for (int r = from; r < to; r++) {
            String key = JsonText.quote(index.sortedTerms[r]);
            sb.clear(1 << 20);
            postingsJson(part, r, sb, tf);
            byte[] p = sb.toBytes();
            sb.clear(1 << 20);
            byte[] q = null;
            boolean common = common(r);
            if (!common && positionCount(part, r) <= largeTerm) {
                positionsJson(part, r, null, sb);
                q = sb.toBytes();
            }
            out[r - from] = new TermJson(r, key, bytes(key), p, q, common);
        }
        return out;
    }

    private void postingsJson(InvertedIndex.Partition part, int r, ByteText sb, int[] tf) {
        sb.append('[');
        int df = index.documentFrequency[r];
        int previous = 0;
        for (int i = part.postingStart(r); i < part.postingEnd(r); i++) {
            int doc = part.docIds[i];
            long score = Math.max(1, Math.round(index.score(doc, part.tf(i, tf), df) * SCORE_SCALE));
            if (i > part.postingStart(r)) {
                sb.append(',');
            }
            sb.append(doc - previous).append(',').append(score);
            previous = doc;
        }
        sb.append(']');
    }

    /** A term's positions into {@code sb}, drained into {@code spill} as they go when there is one. */
    private static void positionsJson(InvertedIndex.Partition part, int r, SpillingFile spill, ByteText sb) {
        sb.append('[');
        for (int i = part.postingStart(r); i < part.postingEnd(r); i++) {
            if (i > part.postingStart(r)) {
                sb.append(',');
            }
            if (spill != null) {
                spill.drain(sb, 64 * 1024);
            }
            sb.append('[');
            int previous = 0;
            int start = part.positionStart(i);
            for (int j = start, end = part.positionEnd(r, i); j < end; j++) {
                int pos = part.positions[j];
                if (j > start) {
                    sb.append(',');
                }
                sb.append(pos - previous);
                previous = pos;
            }
            sb.append(']');
        }
        sb.append(']');
    }

    private void writeDictionaries(int[] groupOfRank, List<String[]> groups, StringBuilder meta) {
        String[] sorted = index.sortedTerms;
        SortedMap<String, List<String>> byKey = DictionaryKeys.split(java.util.Arrays.asList(sorted), DICT_BUDGET);
        boolean first = true;
        int cursor = 0;
        for (Map.Entry<String, List<String>> chunk : byKey.entrySet()) {
            int[] ranks = new int[chunk.getValue().size()];
            for (int i = 0; i < ranks.length; i++) {
                String term = chunk.getValue().get(i);
                // chunks are runs of the sorted terms; look the term up should that ever not hold
                ranks[i] = cursor < sorted.length && sorted[cursor] == term ? cursor
                        : java.util.Arrays.binarySearch(sorted, term);
                cursor = ranks[i] + 1;
            }
            TreeMap<Integer, Integer> localGroups = new TreeMap<>();
            for (int r : ranks) {
                localGroups.putIfAbsent(groupOfRank[r], 0);
            }
            int n = 0;
            StringBuilder dict = new StringBuilder("{\"g\":[");
            for (Map.Entry<Integer, Integer> g : localGroups.entrySet()) {
                g.setValue(n);
                dict.append(n++ == 0 ? "[" : ",[");
                String[] files = groups.get(g.getKey());
                JsonText.quote(dict, files[0]).append(',');
                JsonText.quote(dict, files[1]).append(']');
            }
            dict.append("],\"t\":[");
            boolean firstTerm = true;
            for (int r : ranks) {
                dict.append(firstTerm ? "[" : ",[");
                firstTerm = false;
                JsonText.quote(dict, sorted[r]).append(',').append(index.documentFrequency[r])
                        .append(',').append(localGroups.get(groupOfRank[r])).append(']');
            }
            dict.append("]}");
            meta.append(first ? "[" : ",[");
            first = false;
            JsonText.quote(meta, chunk.getKey()).append(',');
            JsonText.quote(meta, put("t/", dict.toString())).append(']');
        }
    }

    /**
     * Writes the fragment files and their directories. Consecutive documents of one stand share a fragment file (a
     * JSON array of their fragments, at most {@link #FRAGMENTS_PER_FILE}): one file a stand instead of one a document,
     * a fifth of the files for every build to check and for the CDN to take, and one download for several hits of a
     * stand. A directory names each document's file and place in it ({@code d/<hash>.json#2}).
     */
    private void writeFragments(StringBuilder meta) {
        StringBuilder dir = new StringBuilder();
        int from = 0;
        while (from < docs.size()) {
            String stand = docs.get(from).standId();
            int to = from + 1;
            while (to < docs.size() && to - from < FRAGMENTS_PER_FILE && docs.get(to).standId().equals(stand)) {
                to++;
            }
            String file = fragmentFile(from, to);
            for (int d = from; d < to; d++) {
                dir.append(dir.length() == 0 ? '[' : ',');
                JsonText.quote(dir, d == from ? file : file + "#" + (d - from));
                if ((d + 1) % FRAGMENTS_PER_DIRECTORY == 0 || d == docs.size() - 1) {
                    String name = put("f/", dir.append(']').toString());
                    meta.append(d < FRAGMENTS_PER_DIRECTORY ? "" : ",");
                    JsonText.quote(meta, name);
                    dir.setLength(0);
                }
            }
            from = to;
        }
    }

    /**
     * The fragment file of documents {@code from} to {@code to} (exclusive), written unless the sink keeps the previous
     * build's file of that name. The name is the hash of the documents' own fragment names, each the hash of its
     * fragment (known ahead when stored with the stand): an unchanged stand's file is named, and kept, without its
     * fragments being read, serialised or hashed again; any change in a fragment changes the name.
     */
    private String fragmentFile(int from, int to) {
        MessageDigest md = sha256();
        byte[][] made = new byte[to - from][];
        for (int d = from; d < to; d++) {
            String part = fragments.get(d);
            if (part == null) {
                made[d - from] = fragmentJson.apply(d);
                part = fragmentName(made[d - from]);
            }
            md.update(part.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        String name = nameOf("d/", md.digest());
        if (written.add(name) && !out.keep(name)) {
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            file.write('[');
            for (int d = from; d < to; d++) {
                if (d > from) {
                    file.write(',');
                }
                byte[] json = made[d - from] != null ? made[d - from] : fragmentJson.apply(d);
                file.write(json, 0, json.length);
            }
            file.write(']');
            out.write(name, file.toByteArray());
        }
        return name;
    }

    /**
     * The name of a document's fragment, by its content (as a path under {@code search/}): what names the fragment file
     * of its stand's documents, with theirs (see {@link #fragmentFile}).
     */
    static String fragmentName(byte[] fragmentBytes) {
        return hashedName("d/", fragmentBytes);
    }

    /** A document's fragment: its URL, title, stand, kind and snippet as JSON (one element of a fragment file). */
    static byte[] fragmentBytes(SearchDocument doc) {
        return bytes(fragmentJson(doc));
    }

    private static String fragmentJson(SearchDocument doc) {
        StringBuilder sb = new StringBuilder("{\"u\":");
        JsonText.quote(sb, doc.url()).append(",\"t\":");
        JsonText.quote(sb, doc.title()).append(",\"s\":");
        JsonText.quote(sb, doc.standName()).append(",\"k\":");
        JsonText.quote(sb, doc.kind()).append(",\"x\":");
        JsonText.quote(sb, doc.snippet()).append('}');
        return sb.toString();
    }

    /** Stores {@code content} under {@code folder/<hash>.json} and returns that name relative to search/. */
    String put(String folder, String content) {
        return put(folder, bytes(content));
    }

    private String put(String folder, byte[] bytes) {
        byte[] digest = sha256().digest(bytes); // names the file, and the sink need not hash it again
        String name = nameOf(folder, digest);
        if (written.add(name)) { // identical content has one name: a second file with it is the same file
            out.write(name, bytes, digest);
        }
        return name;
    }

    /** Identical content has one name: a second file with it is the same file, written once. */
    private void emit(String name, byte[] bytes) {
        if (written.add(name)) {
            out.write(name, bytes);
        }
    }

    private static String hashedName(String prefix, byte[] content) {
        return nameOf(prefix, sha256().digest(content));
    }

    /** A file's name under {@code prefix} by its content's SHA-256 {@code digest}. */
    private static String nameOf(String prefix, byte[] digest) {
        return prefix + HexFormat.of().formatHex(digest, 0, 6) + ".json";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
