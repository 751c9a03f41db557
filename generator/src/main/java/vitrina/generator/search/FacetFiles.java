package vitrina.generator.search;

import vitrina.generator.model.JsonText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Writes the filters: for each facet (region, type, nomination) its values with a label, a document count and
 * the file of delta-coded document ids that the browser loads only when the filter is used.
 */
final class FacetFiles {
    static final List<String> FACETS = List.of("region", "type", "nomination");

    private final List<SearchDocument> docs;
    private final Map<String, String> labels;

    FacetFiles(List<SearchDocument> docs, Map<String, String> labels) {
        this.docs = docs;
        this.labels = labels;
    }

    /** Appends {@code {"region":[[value,label,count,file],...],...}} to meta; {@code put} stores a file. */
    void write(StringBuilder meta, BiFunction<String, String, String> put) {
        SortedMap<String, SortedMap<String, List<Integer>>> byFacet = new TreeMap<>();
        for (String facet : FACETS) {
            byFacet.put(facet, new TreeMap<>());
        }
        for (int d = 0; d < docs.size(); d++) {
            for (String facet : docs.get(d).facets()) {
                int colon = facet.indexOf(':');
                SortedMap<String, List<Integer>> values = byFacet.get(facet.substring(0, colon));
                if (values != null) {
                    values.computeIfAbsent(facet.substring(colon + 1), v -> new ArrayList<>()).add(d);
                }
            }
        }
        meta.append('{');
        boolean firstFacet = true;
        for (String facet : FACETS) {
            meta.append(firstFacet ? "" : ",");
            firstFacet = false;
            JsonText.quote(meta, facet).append(":[");
            boolean first = true;
            for (Map.Entry<String, List<Integer>> v : byFacet.get(facet).entrySet()) {
                meta.append(first ? "[" : ",[");
                first = false;
                String key = facet + ":" + v.getKey();
                JsonText.quote(meta, v.getKey()).append(',');
                JsonText.quote(meta, labels.getOrDefault(key, v.getKey())).append(',');
                meta.append(v.getValue().size()).append(',');
                JsonText.quote(meta, put.apply("s/", deltas(v.getValue()))).append(']');
            }
            meta.append(']');
        }
        meta.append('}');
    }

    private static String deltas(List<Integer> ids) {
        StringBuilder sb = new StringBuilder("[");
        int previous = 0;
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i) - previous);
            previous = ids.get(i);
        }
        return sb.append(']').toString();
    }
}
