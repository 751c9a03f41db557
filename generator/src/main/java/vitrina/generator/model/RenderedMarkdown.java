package vitrina.generator.model;

import java.util.List;

/**
 * Markdown turned into safe HTML.
 *
 * @param html      sanitized HTML fragment, links into files/ and gallery/ already rewritten to published URLs
 * @param plainText the visible text, whitespace-collapsed, for search and summaries
 * @param headings  headings in document order with their anchor ids
 */
public record RenderedMarkdown(String html, String plainText, List<Heading> headings) {
    public RenderedMarkdown {
        headings = List.copyOf(headings);
    }

    /** A heading of the rendered page. */
    public record Heading(int level, String id, String text) {
    }
}
