package vitrina.generator.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import vitrina.generator.model.StandId;

/**
 * Finds each stand's most similar other stands ("Похожие стенды" on its home page) from a small term signature per
 * stand. Thread-safe.
 *
 * <p><b>Signature, taken when the stand is added.</b> {@link #add} counts the term ids of the stand's documents
 * (every field; title and name terms count {@value #TITLE_WEIGHT} times) and keeps only the
 * {@value #SIGNATURE_TERMS} most frequent terms, ties broken by the term's text. That is all that is kept of the
 * stand: two small arrays (term ids and frequencies), so the related stands need neither the documents' terms nor
 * a text index, whatever happens to the documents afterwards. Adding the same stand twice sums its signatures.
 *
 * <p><b>tf-idf vectors and cosine, in {@link #related}.</b> The stand frequency of a term is the number of
 * signatures holding it. As with Lucene's MoreLikeThis (used here before), a term counts only if it is in at least
 * {@value #MIN_STANDS} stands and in at most {@value #MAX_STANDS_PERCENT}% of them, and weighs its frequency in the
 * stand times its idf ({@code 1 + ln((stands + 1) / (standFrequency + 1))}, Lucene's classic idf). The
 * {@value #VECTOR_TERMS} heaviest terms of a stand, scaled to unit length, are its vector. The vectors are indexed by
 * term; a stand's candidates are the stands sharing a term with it, scored by the dot product of the two vectors
 * (their cosine). A stand lists at most {@code limit} others with a positive score, best first, ties broken by
 * stand id.
 *
 * <p><b>Why.</b> The previous in-memory Lucene index held every term of every document of every stand: about 10% of
 * the build's CPU at 10,000 stands and out of a 1.5 GB heap at 50,000. The most frequent terms of a stand carry
 * what MoreLikeThis used of it anyway (its 40 best tf-idf terms), and the signatures take tens of megabytes at
 * 50,000 stands.
 *
 * <p><b>Caps.</b> A term in the vectors of more than {@value #MAX_POSTINGS} stands is too common at that scale to
 * tell which stands are the most related, and would make every stand sharing it look at thousands of others: such
 * terms are left out of the scores (this never happens below 8,334 stands, where 60% of the stands are fewer). A
 * stand walks its terms' stand lists in the order of the most each can add to a score (its weight times the largest
 * weight the term has in any vector), and at most {@value #MAX_VISITS} entries in all: a term whose list would go
 * over is left out of that stand's scores. So scoring costs at most {@value #MAX_VISITS} steps per stand however the
 * vocabulary is spread; the terms left out are mostly the common, light ones. The stands are scored in parallel, each on
 * its own.
 *
 * <p><b>Determinism.</b> Term ids are numbered in the order the analyzing threads meet the terms, so they differ
 * between builds: whatever is ordered or tied is ordered by term text (or stand id) instead, and every score is
 * summed in an order fixed by the data. The result is a function of the set of added stands only: not of the order
 * they were added in or of threads, nor of whether they were read back from their bytes, nor of stands analyzed but
 * never added.
 */
final class RelatedStands {
    /** Terms kept per stand at {@link #add}. */
    static final int SIGNATURE_TERMS = 128;
    /** How many times a title or name term counts; body and material terms count once. */
    static final int TITLE_WEIGHT = 2;
    /** Terms of a stand's tf-idf vector. */
    static final int VECTOR_TERMS = 40;
    /** A term in fewer stands links nothing. */
    static final int MIN_STANDS = 2;
    /** A term in more of the stands says nothing about any of them. */
    static final int MAX_STANDS_PERCENT = 60;
    /** A term in more stands' vectors is left out of the scores (bounds the work at 50,000 stands). */
    static final int MAX_POSTINGS = 5_000;
    /** Stands scored by one task; each task has its own scratch arrays. */
    private static final int CHUNK = 1_024;
    /** Postings a stand's scoring may walk; its terms that would go over are left out of its scores. */
    static final int MAX_VISITS = 10_000;

    /** A stand's most frequent terms: ids ascending and their frequencies. */
    private record Signature(int[] terms, char[] freqs) {
        Signature plus(Signature o) {
            int[] terms = new int[this.terms.length + o.terms.length];
            char[] freqs = new char[terms.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < this.terms.length || j < o.terms.length) {
                if (j == o.terms.length || i < this.terms.length && this.terms[i] < o.terms[j]) {
                    terms[n] = this.terms[i];
                    freqs[n++] = this.freqs[i++];
                } else if (i == this.terms.length || o.terms[j] < this.terms[i]) {
                    terms[n] = o.terms[j];
                    freqs[n++] = o.freqs[j++];
                } else {
                    terms[n] = this.terms[i];
                    freqs[n++] = saturated(this.freqs[i++] + o.freqs[j++]);
                }
            }
            return new Signature(Arrays.copyOf(terms, n), Arrays.copyOf(freqs, n));
        }
    }

    private final Map<String, Signature> signatures = new HashMap<>();

    /** Takes the signature of each stand among these documents (pages, without a stand, take no part). */
    void add(List<AnalyzedDocument> docs, TermTable table) {
        Map<String, List<AnalyzedDocument>> byStand = new TreeMap<>();
        for (AnalyzedDocument d : docs) {
            if (!d.doc().standId().isEmpty()) {
                byStand.computeIfAbsent(d.doc().standId(), k -> new ArrayList<>()).add(d);
            }
        }
        byStand.forEach((id, own) -> {
            Signature s = signature(own, table);
            synchronized (signatures) {
                signatures.merge(id, s, Signature::plus);
            }
        });
    }

    /**
     * The signatures these documents give, per stand id, as bytes that do not depend on this build's term ids (terms
     * as text): {@link #addSignatures} in a later build adds exactly what {@link #add} adds.
     */
    static byte[] signatureBytes(List<AnalyzedDocument> docs, TermTable table) {
        Map<String, List<AnalyzedDocument>> byStand = new TreeMap<>();
        for (AnalyzedDocument d : docs) {
            if (!d.doc().standId().isEmpty()) {
                byStand.computeIfAbsent(d.doc().standId(), k -> new ArrayList<>()).add(d);
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(2048);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(byStand.size());
            for (Map.Entry<String, List<AnalyzedDocument>> e : byStand.entrySet()) {
                Signature s = signature(e.getValue(), table);
                out.writeUTF(e.getKey());
                out.writeInt(s.terms().length);
                for (int i = 0; i < s.terms().length; i++) {
                    out.writeUTF(table.term(s.terms()[i]));
                    out.writeChar(s.freqs()[i]);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Adds the signatures of {@link #signatureBytes}, numbering their terms in {@code table}. */
    void addSignatures(byte[] bytes, TermTable table) throws java.io.IOException {
        Map<String, Signature> read = new TreeMap<>();
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            int stands = in.readInt();
            if (stands < 0 || stands > 1 << 20) {
                throw new java.io.IOException("damaged signatures: " + stands + " stands");
            }
            for (int s = 0; s < stands; s++) {
                String id = in.readUTF();
                int n = in.readInt();
                if (n < 0 || n > SIGNATURE_TERMS) {
                    throw new java.io.IOException("damaged signature: " + n + " terms");
                }
                long[] pairs = new long[n]; // term id in the high half, frequency in the low one: sorted by id
                for (int i = 0; i < n; i++) {
                    pairs[i] = (long) table.id(in.readUTF()) << 32 | in.readChar();
                }
                Arrays.sort(pairs);
                int[] terms = new int[n];
                char[] freqs = new char[n];
                for (int i = 0; i < n; i++) {
                    terms[i] = (int) (pairs[i] >>> 32);
                    freqs[i] = (char) pairs[i];
                }
                read.put(id, new Signature(terms, freqs));
            }
            if (in.read() != -1) {
                throw new java.io.IOException("damaged signatures: trailing bytes");
            }
        }
        synchronized (signatures) {
            read.forEach((id, s) -> signatures.merge(id, s, Signature::plus));
        }
    }

    private static Signature signature(List<AnalyzedDocument> docs, TermTable table) {
        Counts counts = new Counts();
        SearchDocument.Field[] fields = SearchDocument.Field.values();
        for (AnalyzedDocument d : docs) {
            int[][] terms = d.fieldTerms();
            for (int f = 0; f < terms.length; f++) {
                boolean title = f < fields.length
                        && (fields[f] == SearchDocument.Field.TITLE || fields[f] == SearchDocument.Field.NAME);
                int weight = title ? TITLE_WEIGHT : 1;
                for (int t : terms[f]) {
                    counts.add(t, weight);
                }
            }
        }
        int[] ids = counts.keys();
        int[] freqs = counts.values();
        int[] kept = ids;
        if (ids.length > SIGNATURE_TERMS) {
            int[] sorted = freqs.clone();
            Arrays.sort(sorted);
            int threshold = sorted[sorted.length - SIGNATURE_TERMS];
            List<Integer> ties = new ArrayList<>();
            kept = new int[SIGNATURE_TERMS];
            int n = 0;
            for (int i = 0; i < ids.length; i++) {
                if (freqs[i] > threshold) {
                    kept[n++] = ids[i];
                } else if (freqs[i] == threshold) {
                    ties.add(ids[i]);
                }
            }
            // term ids are not the same from build to build: the tied terms go in the order of their text
            List<String> text = new ArrayList<>(ties.size());
            for (int t : ties) {
                text.add(table.term(t));
            }
            Integer[] byText = IntStream.range(0, ties.size()).boxed().toArray(Integer[]::new);
            Arrays.sort(byText, Comparator.comparing(text::get));
            for (int i = 0; n < SIGNATURE_TERMS; i++) {
                kept[n++] = ties.get(byText[i]);
            }
        }
        Arrays.sort(kept);
        char[] keptFreqs = new char[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keptFreqs[i] = saturated(counts.get(kept[i]));
        }
        return new Signature(kept, keptFreqs);
    }

    private static char saturated(int freq) {
        return (char) Math.min(freq, Character.MAX_VALUE);
    }

    /** The most similar stands for each added stand, best first, at most {@code limit}; deterministic. */
    Map<StandId, List<StandId>> related(int limit, TermTable table) {
        String[] ids;
        Signature[] sigs;
        synchronized (signatures) {
            ids = signatures.keySet().toArray(new String[0]);
            Arrays.sort(ids);
            sigs = new Signature[ids.length];
            for (int i = 0; i < ids.length; i++) {
                sigs[i] = signatures.get(ids[i]);
            }
        }
        int stands = ids.length;
        // after the signatures: every term id in them is numbered by then
        int[] rank = new int[table.size()];
        int ranks = termRanks(sigs, table.all(), rank);
        int[] standFreq = new int[ranks];
        for (Signature s : sigs) {
            for (int t : s.terms()) {
                standFreq[rank[t]]++;
            }
        }
        int maxStands = (int) ((long) MAX_STANDS_PERCENT * stands / 100);
        int[][] vecTerms = new int[stands][];
        float[][] vecWeights = new float[stands][];
        IntStream.range(0, stands).parallel().forEach(i -> {
            Vector v = vector(sigs[i], rank, standFreq, stands, maxStands);
            vecTerms[i] = v.terms();
            vecWeights[i] = v.weights();
        });
        Postings postings = new Postings(vecTerms, vecWeights, ranks);
        int[][] found = new int[stands][];
        if (limit > 0) {
            IntStream.range(0, (stands + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
                Scratch scratch = new Scratch(stands);
                for (int s = chunk * CHUNK; s < Math.min(stands, (chunk + 1) * CHUNK); s++) {
                    found[s] = best(s, vecTerms, vecWeights, postings, scratch, limit);
                }
            });
        }
        StandId[] standIds = new StandId[stands];
        for (int i = 0; i < stands; i++) {
            standIds[i] = new StandId(ids[i]);
        }
        Map<StandId, List<StandId>> out = new TreeMap<>();
        for (int i = 0; i < stands; i++) {
            List<StandId> list = new ArrayList<>();
            if (found[i] != null) {
                for (int c : found[i]) {
                    list.add(standIds[c]);
                }
            }
            out.put(standIds[i], List.copyOf(list));
        }
        return out;
    }

    /**
     * Sets {@code rank} of each term id in the signatures to its place in the text order of those terms (other ids
     * get -1) and returns how many there are.
     */
    private static int termRanks(Signature[] sigs, String[] text, int[] rank) {
        Arrays.fill(rank, -1);
        int used = 0;
        for (Signature s : sigs) {
            for (int t : s.terms()) {
                if (rank[t] < 0) {
                    rank[t] = 0;
                    used++;
                }
            }
        }
        Integer[] byText = new Integer[used];
        int n = 0;
        for (int t = 0; t < rank.length; t++) {
            if (rank[t] == 0) {
                byText[n++] = t;
            }
        }
        Arrays.parallelSort(byText, Comparator.comparing(t -> text[t]));
        for (int r = 0; r < byText.length; r++) {
            rank[byText[r]] = r;
        }
        return used;
    }

    /** A stand's heaviest tf-idf terms by rank ascending, with weights of a unit-length vector. */
    private record Vector(int[] terms, float[] weights) {
    }

    private static Vector vector(Signature sig, int[] rank, int[] standFreq, int stands, int maxStands) {
        int[] terms = sig.terms();
        long[] keys = new long[terms.length];
        int n = 0;
        for (int i = 0; i < terms.length; i++) {
            int r = rank[terms[i]];
            int df = standFreq[r];
            if (df >= MIN_STANDS && df <= maxStands) {
                float w = (float) weight(sig.freqs()[i], df, stands);
                keys[n++] = key(w, r);
            }
        }
        Arrays.sort(keys, 0, n);
        n = Math.min(n, VECTOR_TERMS);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = (int) keys[i];
        }
        Arrays.sort(top);
        double[] w = new double[n];
        double norm = 0;
        for (int i = 0, at = 0; i < terms.length && at < n; i++) {
            int r = rank[terms[i]];
            int k = Arrays.binarySearch(top, r);
            if (k >= 0) {
                w[k] = weight(sig.freqs()[i], standFreq[r], stands);
                norm += w[k] * w[k];
                at++;
            }
        }
        norm = Math.sqrt(norm);
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (float) (w[i] / norm);
        }
        return new Vector(top, weights);
    }

    /** Sorts heaviest first, then by {@code tie} ascending: a positive float's bits order like the float. */
    private static long key(float weight, int tie) {
        return (long) (Integer.MAX_VALUE - Float.floatToIntBits(weight)) << 32 | tie;
    }

    /** Term frequency times Lucene's classic idf. */
    private static double weight(int freq, int standFreq, int stands) {
        return freq * (Math.log((stands + 1) / (double) (standFreq + 1)) + 1.0);
    }

    /**
     * The vectors inverted: for each term rank the stands (ascending) with the term's weight in their vectors, and
     * the largest of those weights. Terms of a single vector or of more than {@link #MAX_POSTINGS} get no list.
     */
    private static final class Postings {
        final int[] start;
        final int[] stand;
        final float[] weight;
        final float[] max;

        Postings(int[][] vecTerms, float[][] vecWeights, int ranks) {
            int[] count = new int[ranks];
            for (int[] terms : vecTerms) {
                for (int r : terms) {
                    count[r]++;
                }
            }
            start = new int[ranks + 1];
            for (int r = 0; r < ranks; r++) {
                boolean kept = count[r] >= MIN_STANDS && count[r] <= MAX_POSTINGS;
                start[r + 1] = start[r] + (kept ? count[r] : 0);
            }
            stand = new int[start[ranks]];
            weight = new float[start[ranks]];
            max = new float[ranks];
            int[] next = Arrays.copyOf(start, ranks);
            for (int s = 0; s < vecTerms.length; s++) {
                for (int k = 0; k < vecTerms[s].length; k++) {
                    int r = vecTerms[s][k];
                    if (next[r] < start[r + 1]) {
                        stand[next[r]] = s;
                        weight[next[r]++] = vecWeights[s][k];
                        max[r] = Math.max(max[r], vecWeights[s][k]);
                    }
                }
            }
        }

        boolean listed(int rank) {
            return start[rank] < start[rank + 1];
        }
    }

    /** One task's score accumulator over all stands, with the stands it touched. */
    private static final class Scratch {
        final double[] score;
        final int[] seenBy;
        final int[] touched;

        Scratch(int stands) {
            score = new double[stands];
            seenBy = new int[stands];
            touched = new int[stands];
        }
    }

    private static int[] best(int s, int[][] vecTerms, float[][] vecWeights, Postings postings, Scratch scratch,
                              int limit) {
        int[] terms = vecTerms[s];
        float[] weights = vecWeights[s];
        // the stand's listed terms by the most each can add to a score, largest first, then by rank
        long[] keys = new long[terms.length];
        int q = 0;
        for (int k = 0; k < terms.length; k++) {
            if (postings.listed(terms[k])) {
                keys[q++] = key(weights[k] * postings.max[terms[k]], k);
            }
        }
        Arrays.sort(keys, 0, q);
        double[] score = scratch.score;
        int touched = 0;
        int visited = 0;
        for (int j = 0; j < q; j++) {
            int k = (int) keys[j];
            int r = terms[k];
            int length = postings.start[r + 1] - postings.start[r];
            if (visited + length > MAX_VISITS) {
                continue; // over the stand's budget: the term is left out of its scores
            }
            visited += length;
            for (int p = postings.start[r]; p < postings.start[r + 1]; p++) {
                int c = postings.stand[p];
                if (c == s) {
                    continue;
                }
                if (scratch.seenBy[c] != s + 1) {
                    scratch.seenBy[c] = s + 1;
                    scratch.touched[touched++] = c;
                }
                score[c] += weights[k] * (double) postings.weight[p];
            }
        }
        int[] best = new int[limit];
        double[] bestScore = new double[limit];
        int n = 0;
        for (int i = 0; i < touched; i++) {
            int c = scratch.touched[i];
            double sc = score[c];
            score[c] = 0;
            if (n == limit && !better(sc, c, bestScore[n - 1], best[n - 1])) {
                continue;
            }
            int at = n == limit ? n - 1 : n++;
            while (at > 0 && better(sc, c, bestScore[at - 1], best[at - 1])) {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = c;
            bestScore[at] = sc;
        }
        return Arrays.copyOf(best, n);
    }

    /** Higher score first, then the lower index (stand ids are sorted). */
    private static boolean better(double score, int stand, double otherScore, int other) {
        return score > otherScore || score == otherScore && stand < other;
    }

    /** Counts per term id: an open-addressing map of ints (a stand has thousands of terms, each met many times). */
    private static final class Counts {
        private int[] keys = new int[1024];
        private int[] values = new int[1024];
        private int size;

        Counts() {
            Arrays.fill(keys, -1);
        }

        void add(int key, int by) {
            int at = slot(key);
            values[at] += by;
            if (keys[at] < 0) {
                keys[at] = key;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
        }

        int get(int key) {
            int at = slot(key);
            return keys[at] < 0 ? 0 : values[at];
        }

        private int slot(int key) {
            int mask = keys.length - 1;
            int h = key * 0x9E3779B9;
            int at = (h ^ h >>> 16) & mask;
            while (keys[at] >= 0 && keys[at] != key) {
                at = (at + 1) & mask;
            }
            return at;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] >= 0) {
                    int at = slot(oldKeys[i]);
                    keys[at] = oldKeys[i];
                    values[at] = oldValues[i];
                }
            }
        }

        int[] keys() {
            int[] out = new int[size];
            int n = 0;
            for (int k : keys) {
                if (k >= 0) {
                    out[n++] = k;
                }
            }
            return out;
        }

        /** The counts in the order of {@link #keys()}. */
        int[] values() {
            int[] out = new int[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] >= 0) {
                    out[n++] = values[i];
                }
            }
            return out;
        }
    }
}
