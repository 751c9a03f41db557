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
final class InvertedIndex {
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
    /** Per rank: positions kept of the term. */
    private final long[] positionCount;
    /** Per term id: its rank, or -1 when no document holds it. */
    private final int[] rankOfTerm;
    /** Partition boundaries: partition {@code i} holds ranks {@code [bounds[i], bounds[i + 1])}. */
    private final int[] bounds;
    private final DocumentStore.Snapshot docs;

    /**
     * @param terms  every term by id
     * @param budget the ints a partition's postings may take (at least one term a partition whatever its size)
     */
    InvertedIndex(DocumentStore.Snapshot docs, String[] terms, long budget) {
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
            positionCount[r] = docs.positionCount[t];
            rankOfTerm[t] = r;
        }
        bounds = bounds(budget);
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

    /** How many partitions the postings are built in. */
    int partitions() {
        return Math.max(0, bounds.length - 1);
    }

    /** The postings of partition {@code i}'s terms, from one pass over the documents. */
    Partition partition(int i) {
        return new Partition(bounds[i], bounds[i + 1]);
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
            docIds = new int[(int) postings];
            tfs = new int[(int) postings];
            docPositionStarts = new int[(int) postings];
            positions = new int[(int) kept];
            fill(n);
        }

        private void fill(int n) {
            int[] nextPosting = Arrays.copyOf(postingStarts, n);
            int[] nextPosition = Arrays.copyOf(positionStarts, n);
            int[] lastDoc = new int[n];
            Arrays.fill(lastDoc, -1);
            int[] slot = new int[n];
            int[][] scratch = {new int[64], new int[16 * FIELDS]}; // touched terms, their field counts
            docs.forEach((d, fields, lengths) -> {
                int[] touched = scratch[0];
                int[] counts = scratch[1];
                int touchedCount = 0;
                int pos = 0;
                for (int f = 0; f < FIELDS; f++) {
                    int[] terms = fields[f];
                    for (int k = 0, len = lengths[f]; k < len; k++, pos++) {
                        int i = rankOfTerm[terms[k]] - from;
                        if (i < 0 || i >= n) {
                            continue;
                        }
                        if (lastDoc[i] != d) {
                            lastDoc[i] = d;
                            if (touchedCount == touched.length) {
                                touched = scratch[0] = Arrays.copyOf(touched, touched.length * 2);
                            }
                            if ((touchedCount + 1) * FIELDS > counts.length) {
                                counts = scratch[1] = Arrays.copyOf(counts, counts.length * 2);
                            }
                            slot[i] = touchedCount;
                            touched[touchedCount++] = i;
                            int p = nextPosting[i]++;
                            docIds[p] = d;
                            docPositionStarts[p] = nextPosition[i];
                        }
                        counts[slot[i] * FIELDS + f]++;
                        if (pos < AnalyzedDocument.MAX_POSITIONS) {
                            positions[nextPosition[i]++] = pos;
                        }
                    }
                    pos += AnalyzedDocument.FIELD_GAP;
                }
                for (int s = 0; s < touchedCount; s++) {
                    int packed = 0;
                    for (int f = 0; f < FIELDS; f++) {
                        packed |= Math.min(counts[s * FIELDS + f], 255) << (8 * f);
                        counts[s * FIELDS + f] = 0;
                    }
                    tfs[nextPosting[touched[s]] - 1] = packed;
                }
            });
            for (int i = 0; i < n; i++) {
                if (nextPosting[i] != postingStarts[i + 1] || nextPosition[i] != positionStarts[i + 1]) {
                    throw new IllegalStateException("term counts do not match the documents: " + sortedTerms[from + i]);
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
