package vitrina.generator.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.extractor.XSLFExtractor;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** DOCX, PPTX and XLSX text via Apache POI, with POI's zip-bomb guard (minimum inflate ratio) left on. */
final class OoxmlExtractor {
    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(MaterialInspector.MAX_CHARS * 4L);
    }

    private OoxmlExtractor() {
    }

    static Extraction extract(Path file, String ext) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return switch (ext) {
                case "docx" -> docx(in);
                case "pptx" -> pptx(in);
                default -> xlsx(in);
            };
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")
                    || message.contains("exceeds the max")) {
                return Extraction.failed("material.bomb", "подозрение на zip-бомбу");
            }
            if (message.contains("encrypted") || e.getClass().getSimpleName().contains("Encrypted")
                    || message.contains("OLE2")) {
                return Extraction.failed("material.encrypted", "файл зашифрован");
            }
            throw e;
        }
    }

    private static Extraction docx(InputStream in) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in); XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            int pages = doc.getProperties().getExtendedProperties().getPages();
            return new Extraction(ex.getText().replaceAll("\\s+", " ").strip(), Math.max(0, pages), "", "");
        }
    }

    private static Extraction pptx(InputStream in) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(in); XSLFExtractor ex = new XSLFExtractor(show)) {
            return new Extraction(ex.getText().replaceAll("\\s+", " ").strip(), show.getSlides().size(), "", "");
        }
    }

    private static Extraction xlsx(InputStream in) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(in); XSSFExcelExtractor ex = new XSSFExcelExtractor(book)) {
            return new Extraction(ex.getText().replaceAll("\\s+", " ").strip(), book.getNumberOfSheets(), "", "");
        }
    }
}
