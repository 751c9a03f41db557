package vitrina.generator.materials;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF text (first {@link #MAX_PAGES} pages), page count and a ~200 px wide PNG of the first page, via PDFBox. */
final class PdfExtractor {
    static final int MAX_PAGES = 300;
    static final int PREVIEW_WIDTH = 200;

    private PdfExtractor() {
    }

    static Extraction extract(Path file, Path preview) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                return Extraction.failed("material.encrypted", "запрет на извлечение текста");
            }
            int pages = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(pages, MAX_PAGES));
            String text = stripper.getText(doc);
            if (pages > 0) {
                renderPreview(doc, preview);
            }
            return new Extraction(text.replaceAll("\\s+", " ").strip(), pages, "", "");
        } catch (InvalidPasswordException e) {
            return Extraction.failed("material.encrypted", "нужен пароль");
        }
    }

    private static void renderPreview(PDDocument doc, Path preview) throws IOException {
        PDRectangle box = doc.getPage(0).getCropBox();
        float width = Math.max(1, box.getWidth());
        float scale = Math.min(4f, PREVIEW_WIDTH / width);
        BufferedImage image = new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
        // ImageIO.write deletes the target first: two stands with the same PDF (same cache file) would race and one
        // could see no preview. Write beside it and move it into place atomically.
        Path tmp = Files.createTempFile(preview.getParent(), "tmp", ".part");
        try {
            ImageIO.write(image, "png", tmp.toFile());
            Files.move(tmp, preview, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
