package vitrina.generator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Finds materials of different stands that share much of their text: each material becomes the set of its
 * five-stem sequences (shingles); the similarity of two materials is the share of the smaller set found in the
 * larger one. Shingles common to many materials (boilerplate) are ignored.
 */
final class NearDuplicates {
    static final int SHINGLE = 5;
    static final int MIN_SHINGLES = 20;
    static final int MAX_SHINGLES = 20_000;
    static final int MAX_SHARING = 20;

    private final List<SearchDocument> materials;
    private final IntFunction<int[]> materialTerms;

    /**
     * @param materials     the material documents, in document order
     * @param materialTerms the term ids of material {@code i}'s {@link SearchDocument.Field#MATERIAL} field, read
     *                      when needed (one material at a time)
     */
    NearDuplicates(List<SearchDocument> materials, IntFunction<int[]> materialTerms) {
        this.materials = materials;
        this.materialTerms = materialTerms;
    }

    List<SearchIndexBuilder.NearDuplicate> find(double minSimilarity) {
        List<Set<Long>> shingles = new ArrayList<>();
        Map<Long, List<Integer>> owners = new HashMap<>();
        for (int m = 0; m < materials.size(); m++) {
            Set<Long> set = shingles(materialTerms.apply(m));
            shingles.add(set);
            for (Long s : set) {
                owners.computeIfAbsent(s, k -> new ArrayList<>()).add(m);
            }
        }
        Map<Long, Integer> overlaps = new HashMap<>();
        for (List<Integer> list : owners.values()) {
            if (list.size() < 2 || list.size() > MAX_SHARING) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    overlaps.merge((long) list.get(i) << 32 | list.get(j), 1, Integer::sum);
                }
            }
        }
        List<SearchIndexBuilder.NearDuplicate> out = new ArrayList<>();
        overlaps.forEach((pair, count) -> {
            int a = (int) (pair >>> 32);
            int b = (int) (long) pair;
            SearchDocument da = materials.get(a);
            SearchDocument db = materials.get(b);
            int smaller = Math.min(shingles.get(a).size(), shingles.get(b).size());
            double similarity = smaller < MIN_SHINGLES ? 0 : (double) count / smaller;
            if (!da.standId().equals(db.standId()) && similarity >= minSimilarity) {
                out.add(new SearchIndexBuilder.NearDuplicate(da.url(), db.url(), da.standId(), db.standId(),
                        Math.round(similarity * 1000) / 1000.0));
            }
        });
        out.sort(Comparator.comparingDouble((SearchIndexBuilder.NearDuplicate d) -> -d.similarity())
                .thenComparing(SearchIndexBuilder.NearDuplicate::firstUrl)
                .thenComparing(SearchIndexBuilder.NearDuplicate::secondUrl));
        return List.copyOf(out);
    }

    private static Set<Long> shingles(int[] terms) {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= terms.length && out.size() < MAX_SHINGLES; i++) {
            long h = 1125899906842597L;
            for (int k = 0; k < SHINGLE; k++) {
                h = 31 * h + terms[i + k];
            }
            out.add(h);
        }
        return out;
    }
}
