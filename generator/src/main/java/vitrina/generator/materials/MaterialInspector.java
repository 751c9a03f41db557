package vitrina.generator.materials;

import java.nio.file.Path;
import java.util.function.Consumer;
import vitrina.generator.model.Material;
import vitrina.generator.problem.Problem;

/** Extracts text, page count and a PDF first-page preview from a material; cached by content hash. Thread-safe. */
public final class MaterialInspector {
    private final Path cacheDir;

    public MaterialInspector(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Never throws for a bad document: a corrupt, encrypted or bomb file gives a warning and an empty info. */
    public MaterialInfo inspect(Material material, String file, Consumer<Problem> problems) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * @param text    extracted plain text ("" when none)
     * @param pages   page (or slide) count, 0 when unknown
     * @param preview PNG of the first page in the cache, or null
     */
    public record MaterialInfo(String text, int pages, Path preview) {
    }
}
