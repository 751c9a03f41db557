package vitrina.generator.search;

import java.util.List;

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
        for (int f = 0; f < fields.length; f++) {
            fields[f] = RussianText.termIds(doc.fields().get(f), table, MAX_TERMS_PER_FIELD);
        }
        // Keep the term ids only: the texts (a page's whole body) are not needed after analysis, and holding them
        // for 250,000 documents would take gigabytes.
        SearchDocument light = new SearchDocument(doc.sortKey(), doc.url(), doc.title(), doc.standName(),
                doc.standId(), doc.kind(), doc.snippet(), doc.facets(), EMPTY_FIELDS);
        return new AnalyzedDocument(light, fields);
    }
}
