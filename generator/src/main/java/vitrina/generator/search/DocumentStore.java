package vitrina.generator.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The documents added to the index: their display data and field lengths in memory, their terms (the bulk: a
 * thousand words a page) varint-coded in a {@link SpillStore} as distinct terms with their positions (see
 * {@link Encoder}) and read back one document at a time. Also counts, per
 * term, the documents holding it and the positions the index keeps of it, so that the index can be built in
 * passes of a bounded size. Thread-safe: a stand's documents are encoded by the adding thread, then appended
 * under a short lock.
 */
final class DocumentStore implements AutoCloseable {
    static final int FIELDS = SearchDocument.Field.values().length;

    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    private final Path spillDirectory;
    private SpillStore spill;
    /** The documents' fragment JSON (their display data as published), read back only for files to write. */
    private SpillStore fragmentSpill;
    private final List<Entry> entries = new ArrayList<>();
    /** Per term id: documents holding it. */
    private int[] documentFrequency = new int[1024];
    /** Per term id: positions kept of it over all documents (at most {@link AnalyzedDocument#MAX_POSITIONS} each). */
    private long[] positionCount = new long[1024];
    private int termLimit;
    private boolean closed;

    /** @param spillDirectory where the spill file goes; the default temporary-file directory when null */
    DocumentStore(Path spillDirectory) {
        this.spillDirectory = spillDirectory;
    }

    /**
     * One document: display data, per-field lengths and where its term ids are in the spill file.
     *
     * @param lengths the number of terms of each field
     */
    record Entry(SearchDocument doc, long offset, int bytes, int[] lengths, String fragment, long fragmentOffset,
                 int fragmentBytes) {
    }

    /** Adds the documents, all at once (a stand is never half added). */
    void add(List<AnalyzedDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        add(docs.stream().map(AnalyzedDocument::doc).toList(), encode(docs), null, null);
    }

    /**
     * A stand's documents as the spill holds them: each document's distinct terms with their field counts and
     * positions (see {@link Encoder}), one document after the other, where each document starts, its field lengths,
     * and per document each distinct term with the positions the index keeps of it ({@code pairs}: term, kept, term,
     * kept...). Made once, when the stand is analyzed, and stored with it, so that a later build adds an unchanged
     * stand by copying bytes.
     */
    record Encoded(byte[] bytes, int[] starts, int[] lengths, int[] pairs, int maxTerm) {
        int documents() {
            return starts.length;
        }

        /** Document {@code d}'s term ids per field. */
        int[][] terms(int d) {
            int[][] fields = new int[FIELDS][];
            int[] own = new int[FIELDS];
            for (int f = 0; f < FIELDS; f++) {
                own[f] = lengths[d * FIELDS + f];
                fields[f] = new int[own[f]];
            }
            decode(bytes, starts[d], fields, own);
            return fields;
        }
    }

    /** The documents' term ids encoded as {@link #add(List, Encoded)} takes them. */
    static Encoded encode(List<AnalyzedDocument> docs) {
        Encoder encoder = ENCODER.get();
        try {
            encoder.encode(docs);
            return new Encoded(Arrays.copyOf(encoder.bytes, encoder.size), Arrays.copyOf(encoder.starts, docs.size()),
                    Arrays.copyOf(encoder.lengths, docs.size() * FIELDS),
                    Arrays.copyOf(encoder.pairs, encoder.pairCount), encoder.maxTerm);
        } finally {
            encoder.release();
        }
    }

    /**
     * Adds encoded documents, all at once; {@code docs} are their display data, in the same order.
     *
     * The documents keep only what the index needs besides their fragment in memory (sort key, URL, stand, kind,
     * facets): the fragment JSON (title and snippet, most of a document's display data) goes to a spill file, and
     * holding it for 250,000 documents filled a third of the heap.
     *
     * @param fragments     each document's fragment name (its content's hash) as {@link IndexFiles#fragmentName} gives it, when known
     *                      (null: none known)
     * @param fragmentJsons each document's fragment JSON ({@link IndexFiles#fragmentBytes}); null: made from docs
     */
    void add(List<SearchDocument> docs, Encoded encoded, List<String> fragments, List<byte[]> fragmentJsons) {
        if (docs.size() != encoded.documents() || fragments != null && fragments.size() != docs.size()
                || fragmentJsons != null && fragmentJsons.size() != docs.size()) {
            throw new IllegalArgumentException(docs.size() + " documents, " + encoded.documents() + " encoded");
        }
        if (docs.isEmpty()) {
            return;
        }
        List<byte[]> jsons = fragmentJsons != null ? fragmentJsons
                : docs.stream().map(IndexFiles::fragmentBytes).toList();
        List<SearchDocument> light = docs.stream().map(DocumentStore::light).toList();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("search index builder closed");
            }
            if (spill == null) {
                spill = SpillStore.create(spillDirectory);
            }
            if (fragmentSpill == null) {
                fragmentSpill = SpillStore.create(spillDirectory);
            }
            byte[] bytes = encoded.bytes();
            long base = spill.append(bytes, 0, bytes.length);
            for (int i = 0; i < docs.size(); i++) {
                int start = encoded.starts()[i];
                int end = i + 1 < docs.size() ? encoded.starts()[i + 1] : bytes.length;
                byte[] json = jsons.get(i);
                long at = fragmentSpill.append(json, 0, json.length);
                entries.add(new Entry(light.get(i), base + start, end - start,
                        Arrays.copyOfRange(encoded.lengths(), i * FIELDS, (i + 1) * FIELDS),
                        fragments == null ? null : fragments.get(i), at, json.length));
            }
            count(encoded.pairs(), encoded.maxTerm());
        }
    }

    /** The document without what its fragment JSON holds alone (title, stand name, snippet). */
    static SearchDocument light(SearchDocument doc) {
        if (doc.title() == null && doc.standName() == null && doc.snippet().isEmpty()) {
            return doc;
        }
        return new SearchDocument(doc.sortKey(), doc.url(), null, null, doc.standId(), doc.kind(), null,
                doc.facets(), AnalyzedDocument.EMPTY_FIELDS);
    }

    private void count(int[] pairs, int maxTerm) {
        if (maxTerm >= documentFrequency.length) {
            int n = Math.max(maxTerm + 1, documentFrequency.length * 2);
            documentFrequency = Arrays.copyOf(documentFrequency, n);
            positionCount = Arrays.copyOf(positionCount, n);
        }
        termLimit = Math.max(termLimit, maxTerm + 1);
        for (int i = 0; i < pairs.length; i += 2) {
            documentFrequency[pairs[i]]++;
            positionCount[pairs[i]] += pairs[i + 1];
        }
    }

    /** The documents added so far, in their final order (by sort key), with the term counts. */
    synchronized Snapshot snapshot() {
        if (closed) {
            throw new IllegalStateException("search index builder closed");
        }
        if (spill != null) {
            spill.flush();
            fragmentSpill.flush();
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> e.doc().sortKey()));
        return new Snapshot(sorted, Arrays.copyOf(documentFrequency, termLimit),
                Arrays.copyOf(positionCount, termLimit), spill, fragmentSpill, spillDirectory);
    }

    /** The spill file, while there is one. */
    synchronized Path spillFile() {
        return spill == null || closed ? null : spill.file();
    }

    /** Deletes the spill file; nothing can be added or read afterwards. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        entries.clear();
        if (spill != null) {
            spill.close();
        }
        if (fragmentSpill != null) {
            fragmentSpill.close();
        }
    }

    /** Documents in their final order, read back from the spill file. */
    static final class Snapshot {
        final List<Entry> docs;
        /** Per term id (up to the largest id added): documents holding it. */
        final int[] documentFrequency;
        /** Per term id: positions kept of it. */
        final long[] positionCount;
        private final SpillStore spill;
        private final SpillStore fragmentSpill;
        private final Path spillDirectory;

        private Snapshot(List<Entry> docs, int[] documentFrequency, long[] positionCount, SpillStore spill,
                         SpillStore fragmentSpill, Path spillDirectory) {
            this.spillDirectory = spillDirectory;
            this.fragmentSpill = fragmentSpill;
            this.docs = docs;
            this.documentFrequency = documentFrequency;
            this.positionCount = positionCount;
            this.spill = spill;
        }

        /** Where further spill files go (null: the default temporary-file directory). */
        Path spillDirectory() {
            return spillDirectory;
        }

        /** The documents' display data, in order. */
        List<SearchDocument> searchDocuments() {
            List<SearchDocument> out = new ArrayList<>(docs.size());
            for (Entry e : docs) {
                out.add(e.doc());
            }
            return out;
        }

        /** Document {@code d}'s fragment JSON, read back from the spill file. */
        byte[] fragmentJson(int d) {
            Entry e = docs.get(d);
            byte[] bytes = new byte[e.fragmentBytes()];
            fragmentSpill.read(e.fragmentOffset(), bytes, bytes.length);
            return bytes;
        }

        /** The documents' fragment names where known (null where not), in order. */
        List<String> fragments() {
            List<String> out = new ArrayList<>(docs.size());
            for (Entry e : docs) {
                out.add(e.fragment());
            }
            return out;
        }

        /** Document {@code d}'s term ids per field. */
        int[][] terms(int d) {
            Entry e = docs.get(d);
            byte[] bytes = new byte[e.bytes()];
            spill.read(e.offset(), bytes, bytes.length);
            int[][] fields = new int[FIELDS][];
            for (int f = 0; f < FIELDS; f++) {
                fields[f] = new int[e.lengths()[f]];
            }
            decode(bytes, 0, fields, e.lengths());
            return fields;
        }

        /**
         * Calls {@code visitor} for every document in order with its distinct terms ({@link Pairs}, reused from one
         * document to the next). Reads adjacent documents at once.
         */
        void forEach(Visitor visitor) {
            forEach(0, docs.size(), visitor);
        }

        /** Like {@link #forEach(Visitor)}, for documents {@code [from, to)} only. Thread-safe. */
        void forEach(int from, int to, Visitor visitor) {
            Pairs pairs = new Pairs();
            byte[] buffer = new byte[1 << 16];
            for (int d = from; d < to; ) {
                // a run of documents stored one after the other, read with one call
                Entry first = docs.get(d);
                long end = first.offset() + first.bytes();
                int last = d;
                while (last + 1 < to && docs.get(last + 1).offset() == end && end - first.offset() < (1 << 20)) {
                    last++;
                    end += docs.get(last).bytes();
                }
                int length = (int) (end - first.offset());
                if (buffer.length < length) {
                    buffer = new byte[Math.max(length, buffer.length * 2)];
                }
                spill.read(first.offset(), buffer, length);
                int at = 0;
                for (int i = d; i <= last; i++) {
                    at = pairs.read(buffer, at);
                    visitor.accept(i, pairs, docs.get(i).lengths());
                }
                d = last + 1;
            }
        }
    }

    /**
     * Decodes one document's terms back into text order: {@code fields[f][0..lengths[f])} (each array at least that
     * long); the offset after the document.
     */
    static int decode(byte[] bytes, int at, int[][] fields, int[] lengths) {
        int[] starts = new int[FIELDS + 1];
        for (int f = 0; f < FIELDS; f++) {
            starts[f + 1] = starts[f] + lengths[f] + AnalyzedDocument.FIELD_GAP;
        }
        int[] cursor = {at};
        int n = varint(bytes, cursor);
        for (int k = 0; k < n; k++) {
            int term = varint(bytes, cursor);
            int count = 0;
            for (int f = 0; f < FIELDS; f++) {
                count += varint(bytes, cursor);
            }
            varint(bytes, cursor); // the positions' length
            int place = 0;
            int f = 0;
            for (int i = 0; i < count; i++) {
                place += varint(bytes, cursor);
                while (place >= starts[f + 1]) {
                    f++;
                }
                fields[f][place - starts[f]] = term;
            }
        }
        return cursor[0];
    }

    /** An unsigned varint at {@code at[0]}, which moves past it. */
    static int varint(byte[] bytes, int[] at) {
        int i = at[0];
        int b = bytes[i++];
        int v = b & 0x7f;
        for (int shift = 7; b < 0; shift += 7) {
            b = bytes[i++];
            v |= (b & 0x7f) << shift;
        }
        at[0] = i;
        return v;
    }

    /**
     * One document's distinct terms as read from the spill (see {@link Encoder}): per term its id, its count in each
     * field packed a byte a field (capped at 255), how many positions it has and where they are.
     */
    static final class Pairs {
        int count;
        int[] terms = new int[256];
        int[] tfs = new int[256];
        /** Per term: all its positions (not only the kept ones). */
        int[] occurrences = new int[256];
        private int[] positionsAt = new int[256];
        private byte[] bytes;
        /** Where {@link #next} reads. */
        private int at;

        /** Reads the document at {@code from}; the offset after it. */
        int read(byte[] bytes, int from) {
            this.bytes = bytes;
            at = from;
            int n = next();
            if (terms.length < n) {
                int size = Math.max(n, terms.length * 2);
                terms = new int[size];
                tfs = new int[size];
                occurrences = new int[size];
                positionsAt = new int[size];
            }
            for (int k = 0; k < n; k++) {
                terms[k] = next();
                int packed = 0;
                int total = 0;
                for (int f = 0; f < FIELDS; f++) {
                    int c = next();
                    total += c;
                    packed |= Math.min(c, 255) << (8 * f);
                }
                int length = next();
                tfs[k] = packed;
                occurrences[k] = total;
                positionsAt[k] = at;
                at += length;
            }
            count = n;
            return at;
        }

        /** The varint at {@link #at}, which moves past it. */
        private int next() {
            byte[] bytes = this.bytes;
            int b = bytes[at++];
            int v = b & 0x7f;
            for (int shift = 7; b < 0; shift += 7) {
                b = bytes[at++];
                v |= (b & 0x7f) << shift;
            }
            return v;
        }

        /**
         * Term {@code k}'s positions under {@link AnalyzedDocument#MAX_POSITIONS} (those the index keeps), into
         * {@code out} from {@code offset} (room for {@link #occurrences} of them); how many.
         */
        int keptPositions(int k, int[] out, int offset) {
            at = positionsAt[k];
            int place = 0;
            for (int i = 0, n = occurrences[k]; i < n; i++) {
                place += next();
                if (place >= AnalyzedDocument.MAX_POSITIONS) {
                    return i;
                }
                out[offset + i] = place;
            }
            return occurrences[k];
        }
    }

    /** Receives one document's distinct terms (valid during the call) and its field lengths. */
    interface Visitor {
        void accept(int doc, Pairs pairs, int[] lengths);
    }

    /**
     * Per adding thread: encodes a stand's documents as the spill holds them and lists, per document, each distinct
     * term with the number of its positions the index keeps. A document is its distinct terms in the order first met
     * ({@link Pairs} reads them): per term its id, its count in each field and the byte length of its positions,
     * then every position (delta-coded). The index visits a term of a document once, not once per occurrence (a
     * page of a thousand words has a hundred or so distinct terms), and skips the positions of the terms it keeps
     * none of without reading them; the text order is still there for those that need it ({@link #decode}).
     */
    private static final class Encoder {
        private static final int KEEP = 1 << 22;

        byte[] bytes = new byte[1 << 14];
        int size;
        int[] starts = new int[8];
        int[] lengths = new int[8 * FIELDS];
        /** (term, kept positions) pairs, one per distinct term of each document. */
        int[] pairs = new int[2048];
        int pairCount;
        int maxTerm;
        /** Open addressing: term → its index among the current document's distinct terms, or -1. */
        private int[] slotTerm = new int[2048];
        private int[] slotLocal = new int[2048];
        private int[] used = new int[1024];
        private int usedCount;
        /** The current document's distinct terms in the order first met, and per term its field counts. */
        private int[] localTerm = new int[1024];
        private int[] localCounts = new int[1024 * FIELDS];
        private int[] localStart = new int[1025];
        private int[] localFill = new int[1024];
        private int localCount;
        /** Per occurrence in text order: its distinct term's index; then the positions grouped by term. */
        private int[] occurrence = new int[4096];
        private int[] grouped = new int[4096];

        Encoder() {
            Arrays.fill(slotTerm, -1);
        }

        void encode(List<AnalyzedDocument> docs) {
            size = 0;
            pairCount = 0;
            maxTerm = -1;
            if (starts.length < docs.size()) {
                starts = new int[docs.size()];
                lengths = new int[docs.size() * FIELDS];
            }
            for (int i = 0; i < docs.size(); i++) {
                starts[i] = size;
                encode(docs.get(i).fieldTerms(), i);
            }
        }

        private void encode(int[][] fieldTerms, int doc) {
            if (fieldTerms.length != FIELDS) {
                throw new IllegalArgumentException("one term list per field expected: " + fieldTerms.length);
            }
            int total = 0;
            for (int[] terms : fieldTerms) {
                total += terms.length;
            }
            if (occurrence.length < total) {
                occurrence = new int[Math.max(total, occurrence.length * 2)];
                grouped = new int[occurrence.length];
            }
            localCount = 0;
            int firstPair = pairCount;
            int pos = 0;
            int k = 0;
            for (int f = 0; f < FIELDS; f++) {
                int[] terms = fieldTerms[f];
                lengths[doc * FIELDS + f] = terms.length;
                for (int t : terms) {
                    if (t < 0) {
                        throw new IllegalArgumentException("negative term id " + t);
                    }
                    int local = local(t);
                    localCounts[local * FIELDS + f]++;
                    if (pos < AnalyzedDocument.MAX_POSITIONS) {
                        pairs[firstPair + 2 * local + 1]++;
                    }
                    occurrence[k++] = local;
                    pos++;
                }
                pos += AnalyzedDocument.FIELD_GAP;
            }
            // the positions grouped by term, in text order within each
            int at = 0;
            for (int l = 0; l < localCount; l++) {
                localStart[l] = at;
                localFill[l] = at;
                for (int f = 0; f < FIELDS; f++) {
                    at += localCounts[l * FIELDS + f];
                }
            }
            pos = 0;
            k = 0;
            for (int f = 0; f < FIELDS; f++) {
                for (int i = 0, n = fieldTerms[f].length; i < n; i++, pos++) {
                    grouped[localFill[occurrence[k++]]++] = pos;
                }
                pos += AnalyzedDocument.FIELD_GAP;
            }
            ensureBytes(5 + localCount * (5 + 5 * FIELDS + 5) + 5 * total);
            varint(localCount);
            for (int l = 0; l < localCount; l++) {
                varint(localTerm[l]);
                for (int f = 0; f < FIELDS; f++) {
                    varint(localCounts[l * FIELDS + f]);
                    localCounts[l * FIELDS + f] = 0;
                }
                // the positions first, then their length moved in before them (room for it is ensured above)
                int start = size;
                for (int i = localStart[l], previous = 0; i < localFill[l]; i++) {
                    varint(grouped[i] - previous);
                    previous = grouped[i];
                }
                int length = size - start;
                int shift = varintSize(length);
                System.arraycopy(bytes, start, bytes, start + shift, length);
                size = start;
                varint(length);
                size += length;
            }
            for (int i = 0; i < usedCount; i++) {
                slotTerm[used[i]] = -1;
            }
            usedCount = 0;
        }

        /** The term's index among the current document's distinct terms, added (with its pair) when new. */
        private int local(int term) {
            int mask = slotTerm.length - 1;
            int i = (term * 0x9E3779B9) >>> 7 & mask;
            while (slotTerm[i] != -1 && slotTerm[i] != term) {
                i = (i + 1) & mask;
            }
            if (slotTerm[i] == term) {
                return slotLocal[i];
            }
            if (pairCount + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            if (localCount == localTerm.length) {
                localTerm = Arrays.copyOf(localTerm, localCount * 2);
                localCounts = Arrays.copyOf(localCounts, localCount * 2 * FIELDS);
                localStart = Arrays.copyOf(localStart, localCount * 2 + 1);
                localFill = Arrays.copyOf(localFill, localCount * 2);
            }
            int local = localCount++;
            localTerm[local] = term;
            slotTerm[i] = term;
            slotLocal[i] = local;
            pairs[pairCount++] = term;
            pairs[pairCount++] = 0;
            maxTerm = Math.max(maxTerm, term);
            if (usedCount == used.length) {
                used = Arrays.copyOf(used, used.length * 2);
            }
            used[usedCount++] = i;
            if (usedCount * 2 > slotTerm.length) {
                grow();
            }
            return local;
        }

        private void grow() {
            int[] oldTerm = slotTerm;
            int[] oldLocal = slotLocal;
            slotTerm = new int[oldTerm.length * 2];
            slotLocal = new int[oldTerm.length * 2];
            Arrays.fill(slotTerm, -1);
            int mask = slotTerm.length - 1;
            usedCount = 0;
            used = new int[Math.max(used.length, slotTerm.length / 2)];
            for (int j = 0; j < oldTerm.length; j++) {
                if (oldTerm[j] != -1) {
                    int i = (oldTerm[j] * 0x9E3779B9) >>> 7 & mask;
                    while (slotTerm[i] != -1) {
                        i = (i + 1) & mask;
                    }
                    slotTerm[i] = oldTerm[j];
                    slotLocal[i] = oldLocal[j];
                    used[usedCount++] = i;
                }
            }
        }

        private void varint(int v) {
            while ((v & ~0x7f) != 0) {
                bytes[size++] = (byte) (v & 0x7f | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        private static int varintSize(int v) {
            return v >>> 7 == 0 ? 1 : v >>> 14 == 0 ? 2 : v >>> 21 == 0 ? 3 : v >>> 28 == 0 ? 4 : 5;
        }

        private void ensureBytes(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
            }
        }

        /** Drops buffers a huge stand grew, so that every thread does not keep them. */
        void release() {
            if (bytes.length > KEEP) {
                bytes = new byte[1 << 14];
            }
            if (pairs.length > KEEP / 4) {
                pairs = new int[2048];
            }
            if (slotTerm.length > KEEP / 4) {
                slotTerm = new int[2048];
                slotLocal = new int[2048];
                used = new int[1024];
                Arrays.fill(slotTerm, -1);
            }
            if (occurrence.length > KEEP / 4) {
                occurrence = new int[4096];
                grouped = new int[4096];
            }
            if (localTerm.length > KEEP / 16) {
                localTerm = new int[1024];
                localCounts = new int[1024 * FIELDS];
                localStart = new int[1025];
                localFill = new int[1024];
            }
        }
    }
}
