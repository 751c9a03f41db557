package vitrina.generator.render;

import java.util.List;
import java.util.Map;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/**
 * A stand ready to render.
 *
 * @param stand     the stand
 * @param sections  rendered sections by slug
 * @param images    image variants by photo path ({@code gallery/01.jpg}, and the logo's path); refused images absent
 * @param materialUrls published URL of each material by its path ({@code files/x.pdf} → {@code /stands/id/files/x.pdf})
 * @param related   most similar stands, best first (may be empty)
 * @param previews  page count and first-page preview of materials by path (PDFs); absent when unknown
 */
public record StandContent(Stand stand, Map<String, RenderedMarkdown> sections, Map<String, ImageSet> images,
                           Map<String, String> materialUrls, List<StandId> related,
                           Map<String, MaterialPreview> previews) {
    public StandContent {
        sections = Map.copyOf(sections);
        images = Map.copyOf(images);
        materialUrls = Map.copyOf(materialUrls);
        related = List.copyOf(related);
        previews = Map.copyOf(previews);
    }

    public StandContent(Stand stand, Map<String, RenderedMarkdown> sections, Map<String, ImageSet> images,
                        Map<String, String> materialUrls, List<StandId> related) {
        this(stand, sections, images, materialUrls, related, Map.of());
    }

    /**
     * What the materials stage learned about a document.
     *
     * @param pages page or slide count, 0 when unknown
     * @param image PNG of the first page (in the cache), or null
     */
    public record MaterialPreview(int pages, java.nio.file.Path image) {
    }
}
