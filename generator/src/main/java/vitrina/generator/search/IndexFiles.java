package vitrina.generator.search;

import vitrina.generator.model.JsonText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lays the index out as static files under {@code search/}, every one but {@code index.json} named by the hash
 * of its content:
 * <ul>
 * <li>{@code index.json} → {@code meta.<hash>.json}: document count, the dictionary table (term prefix → file),
 *     the fragment directories and the filter facets;</li>
 * <li>{@code t/<hash>.json}: a dictionary chunk, the sorted terms of one prefix with document frequency and the
 *     postings group holding them;</li>
 * <li>{@code p/<hash>.json}: a postings group, per term delta-coded document ids each followed by the
 *     precomputed BM25F score; {@code q/<hash>.json}: the positions of the same postings, for phrases;</li>
 * <li>{@code f/<hash>.json}: fragment directories, the fragment file names of 256 consecutive documents;
 *     {@code d/<hash>.json}: one document's title, URL, stand and snippet;</li>
 * <li>{@code s/<hash>.json}: the delta-coded documents of one filter value.</li>
 * </ul>
 */
final class IndexFiles {
    static final int DICT_BUDGET = 12_000;
    static final int POSTINGS_BUDGET = 12_000;
    static final int FRAGMENTS_PER_DIRECTORY = 256;
    static final int SCORE_SCALE = 20;

    /** Receives each file once, as soon as it is complete: the index is never held in memory as a whole. */
    private final java.util.function.BiConsumer<String, byte[]> out;
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private final List<AnalyzedDocument> docs;
    private final InvertedIndex index;
    private final String[] terms;
    private final Map<String, String> facetLabels;

    IndexFiles(List<AnalyzedDocument> docs, InvertedIndex index, String[] terms, Map<String, String> facetLabels,
               java.util.function.BiConsumer<String, byte[]> out) {
        this.out = out;
        this.docs = docs;
        this.index = index;
        this.terms = terms;
        this.facetLabels = facetLabels;
    }

    /** Path under {@code search/} → content, sorted by path. */
    void build() {
        SortedMap<String, Integer> sorted = new TreeMap<>();
        for (Map.Entry<Integer, InvertedIndex.TermPostings> e : index.postings.entrySet()) {
            sorted.put(terms[e.getKey()], e.getKey());
        }
        Map<String, Integer> groupOfTerm = new TreeMap<>();
        List<String[]> groups = writePostings(sorted, groupOfTerm);
        StringBuilder meta = new StringBuilder("{\"version\":1,\"docs\":").append(docs.size());
        meta.append(",\"dicts\":[");
        writeDictionaries(sorted, groupOfTerm, groups, meta);
        meta.append("],\"fragmentsPer\":").append(FRAGMENTS_PER_DIRECTORY).append(",\"fragments\":[");
        writeFragments(meta);
        meta.append("],\"facets\":");
        new FacetFiles(docs, facetLabels).write(meta, this::put);
        meta.append('}');
        String metaName = put("meta.", meta.toString());
        emit("index.json", bytes("{\"version\":1,\"meta\":" + JsonText.quote(metaName) + "}"));
    }

    private List<String[]> writePostings(SortedMap<String, Integer> sorted, Map<String, Integer> groupOfTerm) {
        List<String[]> groups = new ArrayList<>();
        StringBuilder postings = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            InvertedIndex.TermPostings tp = index.postings.get(e.getValue());
            String p = postingsJson(tp);
            String q = positionsJson(tp);
            if (postings.length() > 0 && postings.length() + p.length() > POSTINGS_BUDGET) {
                groups.add(flushGroup(postings, positions));
            }
            postings.append(postings.length() == 0 ? '{' : ',');
            JsonText.quote(postings, e.getKey()).append(':').append(p);
            positions.append(positions.length() == 0 ? '{' : ',');
            JsonText.quote(positions, e.getKey()).append(':').append(q);
            groupOfTerm.put(e.getKey(), groups.size());
        }
        if (postings.length() > 0) {
            groups.add(flushGroup(postings, positions));
        }
        return groups;
    }

    private String[] flushGroup(StringBuilder postings, StringBuilder positions) {
        String p = put("p/", postings.append('}').toString());
        String q = put("q/", positions.append('}').toString());
        postings.setLength(0);
        positions.setLength(0);
        if (positions.capacity() > 4 * POSTINGS_BUDGET) {
            positions.trimToSize(); // one group's positions can run to tens of megabytes: do not keep the buffer
        }
        return new String[] {p, q};
    }

    private String postingsJson(InvertedIndex.TermPostings tp) {
        StringBuilder sb = new StringBuilder("[");
        int df = tp.docs.size();
        int previous = 0;
        for (int i = 0; i < df; i++) {
            int doc = tp.docs.get(i);
            long score = Math.max(1, Math.round(index.score(doc, tp.tf(i), df) * SCORE_SCALE));
            if (i > 0) {
                sb.append(',');
            }
            sb.append(doc - previous).append(',').append(score);
            previous = doc;
        }
        return sb.append(']').toString();
    }

    private static String positionsJson(InvertedIndex.TermPostings tp) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < tp.docs.size(); i++) {
            sb.append(i == 0 ? "[" : ",[");
            int previous = 0;
            for (int j = tp.positionStarts.get(i); j < tp.positionEnd(i); j++) {
                int pos = tp.positions.get(j);
                if (j > tp.positionStarts.get(i)) {
                    sb.append(',');
                }
                sb.append(pos - previous);
                previous = pos;
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private void writeDictionaries(SortedMap<String, Integer> sorted, Map<String, Integer> groupOfTerm,
                                   List<String[]> groups, StringBuilder meta) {
        SortedMap<String, List<String>> byKey = DictionaryKeys.split(sorted.keySet(), DICT_BUDGET);
        boolean first = true;
        for (Map.Entry<String, List<String>> chunk : byKey.entrySet()) {
            TreeMap<Integer, Integer> localGroups = new TreeMap<>();
            for (String term : chunk.getValue()) {
                localGroups.putIfAbsent(groupOfTerm.get(term), 0);
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
            for (String term : chunk.getValue()) {
                dict.append(firstTerm ? "[" : ",[");
                firstTerm = false;
                JsonText.quote(dict, term).append(',').append(index.postings.get(sorted.get(term)).docs.size())
                        .append(',').append(localGroups.get(groupOfTerm.get(term))).append(']');
            }
            dict.append("]}");
            meta.append(first ? "[" : ",[");
            first = false;
            JsonText.quote(meta, chunk.getKey()).append(',');
            JsonText.quote(meta, put("t/", dict.toString())).append(']');
        }
    }

    private void writeFragments(StringBuilder meta) {
        StringBuilder dir = new StringBuilder();
        for (int d = 0; d < docs.size(); d++) {
            dir.append(dir.length() == 0 ? '[' : ',');
            JsonText.quote(dir, put("d/", fragment(docs.get(d).doc())));
            if ((d + 1) % FRAGMENTS_PER_DIRECTORY == 0 || d == docs.size() - 1) {
                String name = put("f/", dir.append(']').toString());
                meta.append(d < FRAGMENTS_PER_DIRECTORY ? "" : ",");
                JsonText.quote(meta, name);
                dir.setLength(0);
            }
        }
    }

    private static String fragment(SearchDocument doc) {
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
        byte[] bytes = bytes(content);
        String name = hashedName(folder, bytes);
        emit(name, bytes);
        return name;
    }

    /** Identical content has one name: a second file with it is the same file, written once. */
    private void emit(String name, byte[] bytes) {
        if (written.add(name)) {
            out.accept(name, bytes);
        }
    }

    private static String hashedName(String prefix, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return prefix + HexFormat.of().formatHex(digest, 0, 6) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
