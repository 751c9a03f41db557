package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pager links the first and last pages and a window around the current one, not every page. */
class PaginatorTest {
    @Test
    void theFirstTheLastAndTwoPagesOnEachSideOfTheCurrentOne() {
        assertEquals(List.of(1), Paginator.shown(1, 1));
        assertEquals(List.of(1, 2, 3, 4, 5), Paginator.shown(3, 5));
        assertEquals(List.of(1, 2, 3, 10), Paginator.shown(1, 10));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 10), Paginator.shown(5, 10), "a gap of one page is that page");
        assertEquals(List.of(1, 8, 9, 10), Paginator.shown(10, 10));
        assertEquals(List.of(1, 998, 999, 1000, 1001, 1002, 2084), Paginator.shown(1000, 2084));
    }

    @Test
    void gapsAreMarkedAndTheViewStaysSmallForTwoThousandPages() {
        Map<String, Object> view = Paginator.view("/catalog/", 1000, 2084);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pages = (List<Map<String, Object>>) view.get("pages");
        assertEquals(9, pages.size(), pages.toString());
        assertEquals(true, pages.get(1).get("gap"));
        assertEquals(true, pages.get(7).get("gap"));
        assertEquals("/catalog/page/1000/", pages.get(4).get("url"));
        assertEquals(true, pages.get(4).get("current"));
        assertTrue(pages.stream().filter(p -> p.get("gap").equals(false)).allMatch(p -> p.containsKey("url")));
        assertEquals("/catalog/page/999/", view.get("prev"));
        assertEquals("/catalog/page/1001/", view.get("next"));
    }
}
