package vitrina.generator.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic analyzed stands for index-build benchmarks and tests: documents made of term ids directly (no text to
 * stem), drawn with a Zipf-like distribution from a vocabulary of pseudo-Russian terms. Five documents a stand, every
 * fifth stand's last one a material. Deterministic for a seed, whatever the order the stands are added in.
 */
public final class SyntheticAnalyzed {
    private static final String LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя";
    static final int DOCS_PER_STAND = 5;

    private final int vocabulary;
    private final int termsPerDoc;
    private final long seed;

    public SyntheticAnalyzed(int vocabulary, int termsPerDoc, long seed) {
        this.vocabulary = vocabulary;
        this.termsPerDoc = termsPerDoc;
        this.seed = seed;
    }

    /** Adds {@code docs} documents (rounded up to whole stands) to the builder, in parallel when asked. */
    public void addTo(SearchIndexBuilder builder, int docs, boolean parallel) {
        String[] words = words();
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = builder.termId(words[i]);
        }
        int stands = (docs + DOCS_PER_STAND - 1) / DOCS_PER_STAND;
        IntStream range = IntStream.range(0, stands);
        (parallel ? range.parallel() : range).forEach(s -> builder.add(builder.analyzed(stand(s, words, ids))));
    }

    /** The vocabulary's terms, most frequent first. */
    String[] words() {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        String[] out = new String[vocabulary];
        for (int i = 0; i < vocabulary; ) {
            int length = 1 + Math.min(11, (int) Math.round(Math.log(i + 2) / Math.log(3)) + random.nextInt(4));
            StringBuilder sb = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            if (seen.add(sb.toString())) {
                out[i++] = sb.toString();
            }
        }
        return out;
    }

    List<AnalyzedDocument> stand(int s, String[] words, int[] ids) {
        SplittableRandom random = new SplittableRandom(seed * 31 + s);
        String id = String.format("stand-%06d", s);
        List<String> facets = List.of("region:" + (1 + s % 89), "type:school", "nomination:n" + (s % 3));
        List<AnalyzedDocument> out = new ArrayList<>(DOCS_PER_STAND);
        for (int d = 0; d < DOCS_PER_STAND; d++) {
            boolean material = d == DOCS_PER_STAND - 1 && s % 5 == 0;
            int body = termsPerDoc / 2 + random.nextInt(termsPerDoc + 1);
            int[][] fields = new int[SearchDocument.Field.values().length][];
            fields[0] = draw(random, ids, 3 + random.nextInt(6));
            fields[1] = d == 0 ? draw(random, ids, 6) : new int[0];
            fields[2] = material ? draw(random, ids, 20) : draw(random, ids, body);
            fields[3] = material ? draw(random, ids, body) : new int[0];
            StringBuilder snippet = new StringBuilder();
            for (int i = 0; snippet.length() < 330 && i < fields[2].length; i++) {
                snippet.append(words[rank(random)]).append(' ');
            }
            String key = "1|" + id + "|" + (material ? "2|files/f" + d + ".pdf" : "1|0000" + d + "|s" + d);
            String url = "/stands/" + id + "/" + (material ? "files/f" + d + ".pdf" : d == 0 ? "" : "s" + d + "/");
            out.add(new AnalyzedDocument(new SearchDocument(key, url, "Раздел " + d + " — Школа " + s, "Школа " + s,
                    id, material ? "material" : "section", snippet.toString(), facets,
                    AnalyzedDocument.EMPTY_FIELDS), fields));
        }
        return out;
    }

    private int[] draw(SplittableRandom random, int[] ids, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = ids[rank(random)];
        }
        return out;
    }

    /** A rank with probability about proportional to 1 / (rank + 1). */
    private int rank(SplittableRandom random) {
        int r = (int) Math.pow(vocabulary + 1, random.nextDouble()) - 1;
        return Math.min(r, vocabulary - 1);
    }
}
