package vitrina.generator.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Numbers distinct terms so that analyzed documents stay compact int arrays. Thread-safe. */
final class TermTable {
    private static final AtomicInteger SERIALS = new AtomicInteger();
    /** Tells tables apart in {@link RussianText}'s per-thread word memory without holding on to them. */
    final int serial = SERIALS.incrementAndGet();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();

    synchronized int id(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = terms.size();
            ids.put(term, id);
            terms.add(term);
        }
        return id;
    }

    synchronized String term(int id) {
        return terms.get(id);
    }

    synchronized int size() {
        return terms.size();
    }

    /** A snapshot of all terms by id. */
    synchronized String[] all() {
        return terms.toArray(new String[0]);
    }
}
