package vitrina.generator.search;

import java.util.List;
import java.util.Map;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;

/** Collects documents from every published stand and page, then writes content-hashed index files. Thread-safe. */
public final class SearchIndexBuilder {

    /**
     * @param sections      rendered sections by slug
     * @param materialTexts extracted text of each material by its path ({@code files/x.pdf}); absent when none
     * @param materialUrls  published URL of each material by its path
     */
    public void addStand(Stand stand, Map<String, RenderedMarkdown> sections, Map<String, String> materialTexts,
                         Map<String, String> materialUrls) {
        throw new UnsupportedOperationException("not yet written");
    }

    public void addPage(StaticPage page, RenderedMarkdown rendered) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The most similar stands for each stand, best first, at most {@code limit}; deterministic. */
    public Map<StandId, List<StandId>> related(int limit) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Writes the index under {@code search/} in the site. */
    public void write(OutputSink sink) {
        throw new UnsupportedOperationException("not yet written");
    }
}
