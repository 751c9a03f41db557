package vitrina.generator.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts a sorted listing into static pages at {@code base}, {@code base/page/2/}, … (always at least one page). */
final class Paginator {
    static final int PAGE_SIZE = 24;

    private Paginator() {
    }

    /** The items of each page; an empty listing still has one (empty) page. */
    static <T> List<List<T>> split(List<T> items, int size) {
        List<List<T>> pages = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            pages.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    /** Template view of the pager for page {@code n} (1-based) of {@code total}. */
    static Map<String, Object> view(String base, int n, int total) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("current", n);
        view.put("total", total);
        view.put("prev", n > 1 ? Routes.paged(base, n - 1) : null);
        view.put("next", n < total ? Routes.paged(base, n + 1) : null);
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            links.add(Map.of("number", i, "url", Routes.paged(base, i), "current", i == n));
        }
        view.put("pages", links);
        return view;
    }
}
