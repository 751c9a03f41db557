package vitrina.generator.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Postings of documents numbered in their final order: per term, the documents with per-field term frequencies
 * and the first positions, plus per-document field lengths for BM25F. Terms are numbered by rank, their place in
 * the sorted dictionary; the postings are built a range of ranks at a time ({@link #partition}), each range from
 * one pass over the spilled documents, so that only one range's postings are ever in memory.
 */
final class InvertedIndex implements AutoCloseable {
    static final int FIELDS = SearchDocument.Field.values().length;
    /** Ints held per term of a partition besides its postings (offsets and cursors). */
    private static final int TERM_COST = 6;
    private static final double[] WEIGHTS =
            java.util.stream.Stream.of(SearchDocument.Field.values()).mapToDouble(f -> f.weight).toArray();

    final int docCount;
    /** Per document, its length in each field: {@code fieldLengths[doc * FIELDS + f]}. */
    private final int[] fieldLengths;
    final double[] averageLengths = new double[FIELDS];
    /** The indexed terms (those of at least one document), sorted. */
    final String[] sortedTerms;
    /** Per rank: documents holding the term. */
    final int[] documentFrequency;
    /**
     * Per rank: positions kept of the term; none for a term found in more than {@code positionsMaxDf} documents,
     * whose positions are never published (they were most of the postings' memory and of the passes over them).
     */
    private final long[] positionCount;
    /** Per term id: its rank, or -1 when no document holds it. */
    private final int[] rankOfTerm;
    /** Partition boundaries: partition {@code i} holds ranks {@code [bounds[i], bounds[i + 1])}. */
    private final int[] bounds;
    private final DocumentStore.Snapshot docs;
    private Buckets buckets;
    /**
     * Up to this many partitions, each is read straight from the spilled documents (one pass over them each); past
     * it, one pass sorts every document's terms into their partitions' buckets first. Measured on a 1% edit of 50,000
     * stands (several partitions): 7.3 s of CPU through the buckets, 8.2 s in direct passes (not a gain); so one.
     */
    static final int DIRECT_PASSES = 1;
    /** Ranges of documents the bucket pass is split into at most (each on a thread of its own; see {@link Buckets}). */
    static final int RANGES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final java.util.concurrent.Executor RANGE_THREADS =
            vitrina.generator.concurrent.Background.thread("vitrina-search-buckets");
    private int directPasses = DIRECT_PASSES;
    /** Documents a range of the bucket pass takes at least: below it, a thread of its own is not worth starting. */
    static final int RANGE_DOCS = 20_000;
    private int rangeCount = RANGES;
    private int rangeDocs = RANGE_DOCS;

    /**
     * @param terms          every term by id
     * @param budget         the ints a partition's postings may take (at least one term a partition whatever its size)
     * @param positionsMaxDf terms found in more documents keep no positions
     */
    InvertedIndex(DocumentStore.Snapshot docs, String[] terms, long budget, int positionsMaxDf) {
        this.docs = docs;
        docCount = docs.docs.size();
        fieldLengths = new int[docCount * FIELDS];
        long[] sums = new long[FIELDS];
        for (int d = 0; d < docCount; d++) {
            int[] lengths = docs.docs.get(d).lengths();
            for (int f = 0; f < FIELDS; f++) {
                fieldLengths[d * FIELDS + f] = lengths[f];
                sums[f] += lengths[f];
            }
        }
        for (int f = 0; f < FIELDS; f++) {
            averageLengths[f] = docCount == 0 ? 0 : (double) sums[f] / docCount;
        }
        int present = 0;
        for (int df : docs.documentFrequency) {
            present += df > 0 ? 1 : 0;
        }
        Integer[] byTerm = new Integer[present];
        for (int t = 0, i = 0; t < docs.documentFrequency.length; t++) {
            if (docs.documentFrequency[t] > 0) {
                byTerm[i++] = t;
            }
        }
        Arrays.parallelSort(byTerm, (a, b) -> terms[a].compareTo(terms[b]));
        sortedTerms = new String[present];
        documentFrequency = new int[present];
        positionCount = new long[present];
        rankOfTerm = new int[docs.documentFrequency.length];
        Arrays.fill(rankOfTerm, -1);
        for (int r = 0; r < present; r++) {
            int t = byTerm[r];
            sortedTerms[r] = terms[t];
            documentFrequency[r] = docs.documentFrequency[t];
            positionCount[r] = documentFrequency[r] > positionsMaxDf ? 0 : docs.positionCount[t];
            rankOfTerm[t] = r;
        }
        int[] one = bounds(budget);
        // several passes: the next partition is filled while the previous one's files are written, two at once in
        // memory, so each gets half the budget
        bounds = one.length - 1 > 1 ? bounds(Math.max(1, budget / 2)) : one;
    }

    private int[] bounds(long budget) {
        List<Integer> out = new ArrayList<>();
        out.add(0);
        long used = 0;
        for (int r = 0; r < sortedTerms.length; r++) {
            long cost = TERM_COST + 3L * documentFrequency[r] + positionCount[r];
            if (used > 0 && used + cost > budget) {
                out.add(r);
                used = 0;
            }
            used += cost;
        }
        if (sortedTerms.length > 0) {
            out.add(sortedTerms.length);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Postings arrays of partitions written and given back ({@link #release}), for the next ones: each partition's
     * arrays are tens of megabytes, too large for the young generation, so that new ones for every partition filled
     * the old generation with garbage and brought full collections into a rebuild.
     */
    private final java.util.ArrayDeque<int[][]> spare = new java.util.ArrayDeque<>();

    /** Arrays for a partition's postings and positions (docs, frequencies, position starts; positions). */
    private int[][] take(int postings, int kept) {
        synchronized (spare) {
            int[][] set = spare.poll();
            if (set != null && set[0].length >= postings && set[3].length >= kept) {
                return set;
            }
        }
        if (partitions() <= 1) {
            return new int[][] {new int[postings], new int[postings], new int[postings], new int[kept]};
        }
        // sized for the largest partition, so that each set serves every partition after it
        long most = 0;
        long mostKept = 0;
        for (int p = 0; p + 1 < bounds.length; p++) {
            long sum = 0;
            long sumKept = 0;
            for (int r = bounds[p]; r < bounds[p + 1]; r++) {
                sum += documentFrequency[r];
                sumKept += positionCount[r];
            }
            most = Math.max(most, sum);
            mostKept = Math.max(mostKept, sumKept);
        }
        int size = Math.toIntExact(Math.max(most, postings));
        int sizeKept = Math.toIntExact(Math.max(mostKept, kept));
        return new int[][] {new int[size], new int[size], new int[size], new int[sizeKept]};
    }

    /** The partition is written: its arrays serve a later one (it must not be used afterwards). */
    void release(Partition part) {
        synchronized (spare) {
            spare.push(new int[][] {part.docIds, part.tfs, part.docPositionStarts, part.positions});
        }
    }

    /** How many partitions the postings are built in. */
    int partitions() {
        return Math.max(0, bounds.length - 1);
    }

    /** For tests: how many partitions are read straight from the documents (see {@link #DIRECT_PASSES}). */
    InvertedIndex directPasses(int passes) {
        this.directPasses = passes;
        return this;
    }

    /** For tests: the bucket pass in up to {@code ranges} ranges of at least {@code minDocs} documents each. */
    InvertedIndex bucketRanges(int ranges, int minDocs) {
        this.rangeCount = ranges;
        this.rangeDocs = minDocs;
        return this;
    }

    /**
     * The postings of partition {@code i}'s terms, from one pass over the documents. When {@link #fillsAhead()},
     * partitions after the first may be made on another thread, while the previous one is in use (two at once at
     * most: see the budget); the first is made before any other.
     */
    Partition partition(int i) {
        return new Partition(bounds[i], bounds[i + 1]);
    }

    /**
     * Whether the next partition may be filled on another thread while the previous one is in use: when they are
     * read from their buckets (read by position, from any thread), not straight from the documents.
     */
    boolean fillsAhead() {
        return partitions() > directPasses;
    }

    /**
     * Receives a document's distinct terms of a partition (arrays reused, valid to {@code count}): per term its index
     * in the partition (rank minus the partition's first), its packed field counts, and its kept positions
     * {@code positions[from[k] .. from[k + 1])}.
     */
    interface Postings {
        void accept(int doc, int count, int[] terms, int[] tfs, int[] from, int[] positions);
    }

    /**
     * Visits the documents holding terms of {@code part}, in order, from the buckets (with more partitions than
     * {@link #DIRECT_PASSES}; with fewer, {@link Partition} reads the spilled documents itself): the first call sorts
     * every document's terms into their partition's bucket in one pass, so that each partition reads only its own
     * occurrences (not all documents once a partition).
     */
    private void occurrences(Partition part, Postings visitor) {
        if (buckets == null) {
            buckets = new Buckets();
        }
        buckets.read(part, visitor);
    }

    /** Releases what the build used besides memory (the buckets' file). */
    @Override
    public void close() {
        if (buckets != null) {
            buckets.store.close();
        }
    }

    /** A document's distinct terms of one partition, with their kept positions. */
    private static final class DocPostings {
        int count;
        int[] terms = new int[64];
        int[] tfs = new int[64];
        int[] from = new int[65];
        int[] positions = new int[256];

        /** Starts a term; its kept positions go in after it (see {@link #room}). */
        void add(int term, int tf) {
            if (count + 1 == terms.length) {
                terms = Arrays.copyOf(terms, count * 2);
                tfs = Arrays.copyOf(tfs, count * 2);
                from = Arrays.copyOf(from, count * 2 + 1);
            }
            terms[count] = term;
            tfs[count] = tf;
            from[count + 1] = from[count];
            count++;
        }

        /** Room for {@code more} positions of the current term at {@code positions[from[count]]}. */
        int[] room(int more) {
            if (from[count] + more > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(from[count] + more, positions.length * 2));
            }
            return positions;
        }

        void clear() {
            count = 0;
        }
    }

    /**
     * Every partition's postings, written in one pass over the documents into a spill file of chunks: per document
     * holding terms of the partition, the document (delta from the chunk's previous one; the first of a chunk whole),
     * the number of its terms there, then per term its index in the partition, its packed field counts, the number of
     * its kept positions and those positions (delta-coded; none for a term that keeps none). Chunks stand alone, so
     * that the pass is split into ranges of documents written on several threads at once (this pass was the last 5 s
     * of a rebuild after a 1% edit of 50,000 stands, on one thread while the other core was idle); a partition's
     * chunks are then read range after range, in document order.
     */
    private final class Buckets {
        private static final int CHUNK = 1 << 16;
        final SpillStore store = SpillStore.create(docs.spillDirectory());
        private final long[][] chunkOffsets = new long[partitions()][];
        private final int[][] chunkLengths = new int[partitions()][];

        Buckets() {
            int count = partitions();
            int[] partitionOfRank = new int[sortedTerms.length];
            for (int p = 0; p < count; p++) {
                Arrays.fill(partitionOfRank, bounds[p], bounds[p + 1], p);
            }
            int n = docs.docs.size();
            int ranges = Math.max(1, Math.min(rangeCount, n / Math.max(1, rangeDocs)));
            int[] starts = new int[ranges + 1];
            for (int r = 0; r <= ranges; r++) {
                starts[r] = (int) ((long) n * r / ranges);
            }
            List<java.util.concurrent.CompletableFuture<RangeWriter>> others = new ArrayList<>();
            for (int r = 1; r < ranges; r++) {
                int from = starts[r];
                int to = starts[r + 1];
                others.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> new RangeWriter(count, partitionOfRank).write(from, to), RANGE_THREADS));
            }
            List<RangeWriter> written = new ArrayList<>();
            try { // the first range on this thread
                written.add(new RangeWriter(count, partitionOfRank).write(starts[0], starts[1]));
            } finally { // never leave a range writing into a store being closed
                others.forEach(vitrina.generator.concurrent.Background::settle);
            }
            others.forEach(f -> written.add(vitrina.generator.concurrent.Background.join(f)));
            for (int p = 0; p < count; p++) {
                int chunks = 0;
                for (RangeWriter w : written) {
                    chunks += w.chunks[p];
                }
                chunkOffsets[p] = new long[chunks];
                chunkLengths[p] = new int[chunks];
                int at = 0;
                for (RangeWriter w : written) {
                    System.arraycopy(w.offsets[p], 0, chunkOffsets[p], at, w.chunks[p]);
                    System.arraycopy(w.lengths[p], 0, chunkLengths[p], at, w.chunks[p]);
                    at += w.chunks[p];
                }
            }
            store.flush();
        }

        /** One range of documents' occurrences, sorted into chunks per partition. */
        private final class RangeWriter {
            private final int[] partitionOfRank;
            private final ByteText[] out;
            private final DocPostings[] current;
            private final int[] lastDoc;
            final int[] chunks;
            final long[][] offsets;
            final int[][] lengths;

            RangeWriter(int count, int[] partitionOfRank) {
                this.partitionOfRank = partitionOfRank;
                out = new ByteText[count];
                current = new DocPostings[count];
                lastDoc = new int[count];
                chunks = new int[count];
                offsets = new long[count][];
                lengths = new int[count][];
                for (int p = 0; p < count; p++) {
                    out[p] = new ByteText(CHUNK + 1024);
                    current[p] = new DocPostings();
                    offsets[p] = new long[16];
                    lengths[p] = new int[16];
                }
            }

            RangeWriter write(int fromDoc, int toDoc) {
                int count = out.length;
                int[] touched = new int[count];
                DocPostings[] current = this.current;
                docs.forEach(fromDoc, toDoc, (d, pairs, fieldLengths) -> {
                    int touchedCount = 0;
                    for (int k = 0; k < pairs.count; k++) {
                        int r = rankOfTerm[pairs.terms[k]];
                        int p = partitionOfRank[r];
                        DocPostings o = current[p];
                        if (o.count == 0) {
                            touched[touchedCount++] = p;
                        }
                        o.add(r - bounds[p], pairs.tfs[k]);
                        if (positionCount[r] > 0) {
                            o.from[o.count] += pairs.keptPositions(k, o.room(pairs.occurrences[k]), o.from[o.count]);
                        }
                    }
                    for (int t = 0; t < touchedCount; t++) {
                        int p = touched[t];
                        DocPostings o = current[p];
                        ByteText b = out[p].appendVarint(d - lastDoc[p]).appendVarint(o.count);
                        for (int k = 0; k < o.count; k++) {
                            b.appendVarint(o.terms[k]).appendVarint(o.tfs[k]).appendVarint(o.from[k + 1] - o.from[k]);
                            int previous = 0;
                            for (int i = o.from[k]; i < o.from[k + 1]; i++) {
                                b.appendVarint(o.positions[i] - previous);
                                previous = o.positions[i];
                            }
                        }
                        lastDoc[p] = d;
                        o.clear();
                        if (b.size() >= CHUNK) {
                            flush(p);
                        }
                    }
                });
                for (int p = 0; p < count; p++) {
                    flush(p);
                }
                return this;
            }

            /** Ends partition {@code p}'s chunk; the next one starts from document 0 (its first delta is whole). */
            private void flush(int p) {
                ByteText b = out[p];
                if (b.size() == 0) {
                    return;
                }
                int chunk = chunks[p];
                if (chunk == offsets[p].length) {
                    offsets[p] = Arrays.copyOf(offsets[p], chunk * 2);
                    lengths[p] = Arrays.copyOf(lengths[p], chunk * 2);
                }
                offsets[p][chunk] = store.append(b.array(), 0, b.size());
                lengths[p][chunk] = b.size();
                chunks[p] = chunk + 1;
                lastDoc[p] = 0;
                b.clear(CHUNK + 1024);
            }
        }

        void read(Partition part, Postings visitor) {
            int p = Arrays.binarySearch(bounds, part.from);
            DocPostings o = new DocPostings();
            byte[] bytes = new byte[CHUNK];
            int[] at = new int[1];
            for (int c = 0; c < chunkOffsets[p].length; c++) {
                int length = chunkLengths[p][c];
                if (bytes.length < length) {
                    bytes = new byte[length];
                }
                store.read(chunkOffsets[p][c], bytes, length);
                at[0] = 0;
                int doc = 0; // a chunk's first document is written whole
                while (at[0] < length) {
                    doc += varint(bytes, at);
                    int count = varint(bytes, at);
                    o.clear();
                    for (int k = 0; k < count; k++) {
                        o.add(varint(bytes, at), varint(bytes, at));
                        int kept = varint(bytes, at);
                        int[] room = o.room(kept);
                        int place = 0;
                        for (int i = o.from[o.count]; i < o.from[o.count] + kept; i++) {
                            place += varint(bytes, at);
                            room[i] = place;
                        }
                        o.from[o.count] += kept;
                    }
                    visitor.accept(doc, o.count, o.terms, o.tfs, o.from, o.positions);
                }
            }
        }
    }

    private static int varint(byte[] bytes, int[] at) {
        return DocumentStore.varint(bytes, at);
    }

    /** BM25F: per-field length-normalised frequencies, weighted, then saturated once. */
    double score(int doc, int[] tf, int df) {
        final double k1 = 1.2;
        final double b = 0.75;
        double weighted = 0;
        for (int f = 0; f < FIELDS; f++) {
            if (tf[f] == 0) {
                continue;
            }
            double norm = averageLengths[f] == 0 ? 1 : 1 - b + b * fieldLengths[doc * FIELDS + f] / averageLengths[f];
            weighted += WEIGHTS[f] * tf[f] / norm;
        }
        double idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        return idf * weighted * (k1 + 1) / (weighted + k1);
    }

    /**
     * The postings of the terms of ranks {@code [from, to)} in flat arrays: term {@code r}'s documents are
     * {@code docs[postingStart(r) .. postingStart(r + 1))} in ascending order, each with its frequencies packed one
     * byte a field (capped at 255) and its positions {@code positions[positionStart(p) .. positionEnd(p))}.
     */
    final class Partition {
        final int from;
        final int to;
        private final int[] postingStarts;
        private final int[] positionStarts;
        final int[] docIds;
        final int[] tfs;
        private final int[] docPositionStarts;
        final int[] positions;

        private Partition(int from, int to) {
            this.from = from;
            this.to = to;
            int n = to - from;
            postingStarts = new int[n + 1];
            positionStarts = new int[n + 1];
            long postings = 0;
            long kept = 0;
            for (int i = 0; i < n; i++) {
                postingStarts[i] = Math.toIntExact(postings);
                positionStarts[i] = Math.toIntExact(kept);
                postings += documentFrequency[from + i];
                kept += positionCount[from + i];
            }
            postingStarts[n] = Math.toIntExact(postings);
            positionStarts[n] = Math.toIntExact(kept);
            int[][] arrays = take((int) postings, (int) kept);
            docIds = arrays[0];
            tfs = arrays[1];
            docPositionStarts = arrays[2];
            positions = arrays[3];
            fill(n);
        }

        private void fill(int n) {
            Filler filler = new Filler(n);
            if (partitions() <= directPasses) {
                // straight from the documents, a term of a document at a time
                int[][] scratch = {new int[256]};
                docs.forEach((d, pairs, lengths) -> {
                    for (int k = 0; k < pairs.count; k++) {
                        int r = rankOfTerm[pairs.terms[k]];
                        int i = r - from;
                        if (i >= 0 && i < n) {
                            int kept = 0;
                            if (filler.keepsPositions[i]) {
                                if (scratch[0].length < pairs.occurrences[k]) {
                                    scratch[0] = new int[Math.max(pairs.occurrences[k], scratch[0].length * 2)];
                                }
                                kept = pairs.keptPositions(k, scratch[0], 0);
                            }
                            filler.add(d, i, pairs.tfs[k], scratch[0], 0, kept);
                        }
                    }
                });
            } else {
                occurrences(this, (d, count, terms, tfs, starts, places) -> {
                    for (int k = 0; k < count; k++) {
                        filler.add(d, terms[k], tfs[k], places, starts[k], starts[k + 1]);
                    }
                });
            }
            filler.check();
        }

        /** Fills the postings from one document's terms after another's, in document order. */
        private final class Filler {
            private final int n;
            private final int[] nextPosting;
            private final int[] nextPosition;
            final boolean[] keepsPositions;

            Filler(int n) {
                this.n = n;
                nextPosting = Arrays.copyOf(postingStarts, n);
                nextPosition = Arrays.copyOf(positionStarts, n);
                keepsPositions = new boolean[n];
                for (int i = 0; i < n; i++) {
                    keepsPositions[i] = positionCount[from + i] > 0;
                }
            }

            /**
             * The partition's term {@code i} in document {@code d} with its packed field counts, and its kept positions
             * {@code places[start .. end)} (none for a term that keeps none).
             */
            void add(int d, int i, int tf, int[] places, int start, int end) {
                int p = nextPosting[i]++;
                docIds[p] = d;
                tfs[p] = tf;
                docPositionStarts[p] = nextPosition[i];
                if (keepsPositions[i]) {
                    int at = nextPosition[i];
                    System.arraycopy(places, start, positions, at, end - start);
                    nextPosition[i] = at + end - start;
                }
            }

            void check() {
                for (int i = 0; i < n; i++) {
                    if (nextPosting[i] != postingStarts[i + 1] || nextPosition[i] != positionStarts[i + 1]) {
                        throw new IllegalStateException("term counts do not match the documents: "
                                + sortedTerms[from + i]);
                    }
                }
            }
        }

        /** The first posting of the term of rank {@code r}. */
        int postingStart(int r) {
            return postingStarts[r - from];
        }

        int postingEnd(int r) {
            return postingStarts[r - from + 1];
        }

        int positionStart(int posting) {
            return docPositionStarts[posting];
        }

        /** The end of a posting's positions: the next posting's start, or the end of its term's positions. */
        int positionEnd(int r, int posting) {
            return posting + 1 < postingEnd(r) ? docPositionStarts[posting + 1] : positionStarts[r - from + 1];
        }

        /** Unpacks a posting's per-field frequencies into {@code out}. */
        int[] tf(int posting, int[] out) {
            for (int f = 0; f < FIELDS; f++) {
                out[f] = (tfs[posting] >>> (8 * f)) & 0xff;
            }
            return out;
        }
    }
}
