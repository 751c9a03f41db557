package vitrina.generator.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A document after analysis: its display data and, per field, the term ids in text order.
 * Positions are the indexes into the concatenation of the fields, with a gap between fields so that a
 * phrase never spans two of them.
 */
record AnalyzedDocument(SearchDocument doc, int[][] fieldTerms) {
    static final int FIELD_GAP = 50;
    static final int MAX_TERMS_PER_FIELD = 200_000;
    static final int MAX_POSITIONS = 4_000;
    static final List<String> EMPTY_FIELDS =
            java.util.Collections.nCopies(SearchDocument.Field.values().length, "");

    static AnalyzedDocument of(SearchDocument doc, TermTable table) {
        int[][] fields = new int[doc.fields().size()][];
        Map<String, Integer> local = new HashMap<>();
        for (int f = 0; f < fields.length; f++) {
            List<String> terms = RussianText.terms(doc.fields().get(f));
            int n = Math.min(terms.size(), MAX_TERMS_PER_FIELD);
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = local.computeIfAbsent(terms.get(i), table::id);
            }
            fields[f] = ids;
        }
        // Keep the term ids only: the texts (a page's whole body) are not needed after analysis, and holding them
        // for 250,000 documents would take gigabytes.
        SearchDocument light = new SearchDocument(doc.sortKey(), doc.url(), doc.title(), doc.standName(),
                doc.standId(), doc.kind(), doc.snippet(), doc.facets(), EMPTY_FIELDS);
        return new AnalyzedDocument(light, fields);
    }
}
