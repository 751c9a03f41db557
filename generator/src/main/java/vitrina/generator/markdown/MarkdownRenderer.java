package vitrina.generator.markdown;

import java.util.function.Consumer;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.problem.Problem;

/** Renders Markdown to sanitized HTML. Thread-safe: one instance serves all stands on all cores. */
public final class MarkdownRenderer {
    /**
     * @param markdown the body without front matter
     * @param file     content-relative path for problems
     * @param bodyLine line of the file where the body starts (so problem lines match the file)
     * @param links    resolves relative links and images
     * @param problems receives broken links, removed HTML and other warnings
     */
    public RenderedMarkdown render(String markdown, String file, int bodyLine, LinkResolver links,
                                   Consumer<Problem> problems) {
        throw new UnsupportedOperationException("not yet written");
    }
}
