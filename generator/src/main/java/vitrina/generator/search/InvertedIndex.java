package vitrina.generator.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Postings of documents numbered in their final order: per term, the documents with per-field term
 * frequencies and the first positions, plus per-document field lengths for BM25F.
 */
final class InvertedIndex {
    static final int FIELDS = SearchDocument.Field.values().length;

    final int docCount;
    final int[][] fieldLengths;
    final double[] averageLengths = new double[FIELDS];
    final Map<Integer, TermPostings> postings = new HashMap<>();

    InvertedIndex(List<AnalyzedDocument> docs) {
        docCount = docs.size();
        fieldLengths = new int[docCount][];
        long[] sums = new long[FIELDS];
        for (int d = 0; d < docCount; d++) {
            add(d, docs.get(d), sums);
        }
        for (int f = 0; f < FIELDS; f++) {
            averageLengths[f] = docCount == 0 ? 0 : (double) sums[f] / docCount;
        }
    }

    private void add(int d, AnalyzedDocument doc, long[] sums) {
        Map<Integer, int[]> tfs = new HashMap<>();
        Map<Integer, IntList> positions = new HashMap<>();
        int[] lengths = new int[FIELDS];
        int pos = 0;
        for (int f = 0; f < FIELDS; f++) {
            int[] terms = doc.fieldTerms()[f];
            lengths[f] = terms.length;
            sums[f] += terms.length;
            for (int term : terms) {
                tfs.computeIfAbsent(term, t -> new int[FIELDS])[f]++;
                if (pos < AnalyzedDocument.MAX_POSITIONS) {
                    positions.computeIfAbsent(term, t -> new IntList()).add(pos);
                }
                pos++;
            }
            pos += AnalyzedDocument.FIELD_GAP;
        }
        fieldLengths[d] = lengths;
        for (Map.Entry<Integer, int[]> e : tfs.entrySet()) {
            postings.computeIfAbsent(e.getKey(), t -> new TermPostings())
                    .add(d, e.getValue(), positions.get(e.getKey()));
        }
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
            double norm = averageLengths[f] == 0 ? 1 : 1 - b + b * fieldLengths[doc][f] / averageLengths[f];
            weighted += SearchDocument.Field.values()[f].weight * tf[f] / norm;
        }
        double idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        return idf * weighted * (k1 + 1) / (weighted + k1);
    }

    /** The documents of one term, in ascending order. */
    static final class TermPostings {
        final IntList docs = new IntList();
        /** Per document, the frequency in each field packed into one byte each (capped at 255). */
        final IntList tfs = new IntList();
        final IntList positionStarts = new IntList();
        final IntList positions = new IntList();

        void add(int doc, int[] tf, IntList pos) {
            docs.add(doc);
            int packed = 0;
            for (int f = 0; f < FIELDS; f++) {
                packed |= Math.min(tf[f], 255) << (8 * f);
            }
            tfs.add(packed);
            positionStarts.add(positions.size());
            if (pos != null) {
                for (int i = 0; i < pos.size(); i++) {
                    positions.add(pos.get(i));
                }
            }
        }

        int[] tf(int i) {
            int[] out = new int[FIELDS];
            for (int f = 0; f < FIELDS; f++) {
                out[f] = (tfs.get(i) >>> (8 * f)) & 0xff;
            }
            return out;
        }

        int positionEnd(int i) {
            return i + 1 < positionStarts.size() ? positionStarts.get(i + 1) : positions.size();
        }
    }
}
