package vitrina.generator.search;

import java.util.List;
import java.util.Objects;

/**
 * One searchable unit before analysis: a stand section, a material or a static page.
 *
 * @param sortKey     orders documents (and so their ids) independently of the order they were added in
 * @param url         where a result leads
 * @param title       shown as the result's heading
 * @param standName   the stand's short name ("" for pages)
 * @param standId     the stand ("" for pages)
 * @param kind        {@code section}, {@code material} or {@code page}
 * @param snippet     a short excerpt shown under the heading
 * @param facets      filter values: {@code region:23}, {@code type:school}, {@code nomination:innovation}
 * @param fields      text per field, in {@link Field} order
 */
record SearchDocument(String sortKey, String url, String title, String standName, String standId, String kind,
                      String snippet, List<String> facets, List<String> fields) {
    static final int SNIPPET_CHARS = 320;
    /** Distinct facet lists kept shared, at most (an exhibition has a few per region, type and nomination). */
    private static final int SHARED_FACETS = 10_000;
    /**
     * Facet lists as given → as kept (sorted, without repeats): the documents of 50,000 stands share a few thousand
     * lists instead of holding 250,000 lists of their own copies of the same strings (40 MB of a rebuild's heap).
     */
    private static final java.util.concurrent.ConcurrentHashMap<List<String>, List<String>> FACETS =
            new java.util.concurrent.ConcurrentHashMap<>();

    SearchDocument {
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(url, "url");
        facets = sharedFacets(facets);
        kind = kind == null ? null : kind.intern(); // one of three words
        standId = standId == null ? null : standId.intern(); // shared by the stand's documents
        fields = List.copyOf(fields);
        if (fields.size() != Field.values().length) {
            throw new IllegalArgumentException("one text per field expected: " + fields.size());
        }
        snippet = excerpt(snippet);
    }

    private static List<String> sharedFacets(List<String> facets) {
        List<String> shared = FACETS.get(facets);
        if (shared != null) {
            return shared;
        }
        List<String> kept = List.copyOf(new java.util.TreeSet<>(facets));
        if (FACETS.size() < SHARED_FACETS) {
            FACETS.putIfAbsent(List.copyOf(facets), kept);
        }
        return kept;
    }

    /** The first {@link #SNIPPET_CHARS} characters, whitespace collapsed, cut at a word boundary. */
    static String excerpt(String text) {
        String s = text == null ? "" : collapseSpaces(text).strip();
        if (s.length() <= SNIPPET_CHARS || s.length() == SNIPPET_CHARS + 1 && s.endsWith("…")) {
            return s; // short enough, or already an excerpt (so excerpting is idempotent)
        }
        int cut = s.lastIndexOf(' ', SNIPPET_CHARS);
        return s.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "…";
    }

    /** Same as {@code text.replaceAll("\\s+", " ")} (ASCII whitespace runs become one space), without a regex. */
    private static String collapseSpaces(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                int end = i + 1;
                while (end < n && isRegexSpace(text.charAt(end))) {
                    end++;
                }
                if (out == null) {
                    if (c == ' ' && end == i + 1) {
                        continue; // a single plain space stays as it is
                    }
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r');
    }

    /** Indexed fields with their BM25F weights: names and titles above body text, materials below pages. */
    enum Field {
        TITLE(3.0), NAME(3.0), BODY(1.0), MATERIAL(0.5);

        final double weight;

        Field(double weight) {
            this.weight = weight;
        }
    }
}
