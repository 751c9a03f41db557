package vitrina.generator.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cuts the sorted term dictionary into chunks labelled by a prefix: first by the first two letters (so a typo
 * from the third letter on stays in the chunk), then, for a chunk over budget, by one more letter, up to four.
 * A term belongs to the longest label that starts it; the browser picks chunks by the same rule.
 */
final class DictionaryKeys {
    static final int FIRST_LENGTH = 2;
    static final int MAX_LENGTH = 4;

    private DictionaryKeys() {
    }

    static SortedMap<String, List<String>> split(Collection<String> sortedTerms, int budgetBytes) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        SortedMap<String, List<String>> first = group(sortedTerms, FIRST_LENGTH);
        for (Map.Entry<String, List<String>> e : first.entrySet()) {
            splitInto(e.getKey(), e.getValue(), budgetBytes, out);
        }
        return out;
    }

    private static void splitInto(String key, List<String> terms, int budget, SortedMap<String, List<String>> out) {
        if (key.length() >= MAX_LENGTH || estimate(terms) <= budget) {
            out.put(key, terms);
            return;
        }
        List<String> own = new ArrayList<>();
        SortedMap<String, List<String>> longer = new TreeMap<>();
        for (String t : terms) {
            if (t.length() <= key.length()) {
                own.add(t);
            } else {
                longer.computeIfAbsent(t.substring(0, key.length() + 1), k -> new ArrayList<>()).add(t);
            }
        }
        if (!own.isEmpty()) {
            out.put(key, own);
        }
        for (Map.Entry<String, List<String>> e : longer.entrySet()) {
            splitInto(e.getKey(), e.getValue(), budget, out);
        }
    }

    private static SortedMap<String, List<String>> group(Collection<String> terms, int length) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        for (String t : terms) {
            out.computeIfAbsent(t.length() <= length ? t : t.substring(0, length), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Roughly the bytes of a chunk: UTF-8 Cyrillic takes two bytes a letter, plus frequency and group. */
    private static int estimate(List<String> terms) {
        int bytes = 0;
        for (String t : terms) {
            bytes += t.length() * 2 + 12;
        }
        return bytes;
    }
}
