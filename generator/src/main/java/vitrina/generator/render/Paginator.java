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

    /** Pages linked on each side of the current one. */
    static final int WINDOW = 2;

    /**
     * Template view of the pager for page {@code n} (1-based) of {@code total}: links to the first and last page and to
     * {@link #WINDOW} pages on each side of the current one, with a gap ({@code gap: true}) where pages are left out.
     * A pager linking every page made each of the 2,000 catalogue pages of 50,000 stands carry 2,000 links (200 KB of
     * HTML per page, and as many links for a screen reader to wade through).
     */
    static Map<String, Object> view(String base, int n, int total) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("current", n);
        view.put("total", total);
        view.put("prev", n > 1 ? Routes.paged(base, n - 1) : null);
        view.put("next", n < total ? Routes.paged(base, n + 1) : null);
        List<Map<String, Object>> links = new ArrayList<>();
        int last = 0;
        for (int i : shown(n, total)) {
            if (i > last + 1) {
                links.add(Map.of("gap", true));
            }
            links.add(Map.of("number", i, "url", Routes.paged(base, i), "current", i == n, "gap", false));
            last = i;
        }
        view.put("pages", links);
        return view;
    }

    /**
     * The page numbers the pager links, ascending: the first, the last, and the window around {@code n}; a gap of a
     * single page is filled with that page (a link takes no more room than the gap's mark).
     */
    static List<Integer> shown(int n, int total) {
        java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
        pages.add(1);
        pages.add(total);
        for (int i = Math.max(1, n - WINDOW); i <= Math.min(total, n + WINDOW); i++) {
            pages.add(i);
        }
        List<Integer> out = new ArrayList<>();
        for (int i : pages) {
            if (!out.isEmpty() && i == out.get(out.size() - 1) + 2) {
                out.add(i - 1);
            }
            out.add(i);
        }
        return out;
    }
}
