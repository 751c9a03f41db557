package vitrina.generator.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.Material;
import vitrina.generator.problem.Problem;

class MaterialInspectorTest {
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void extractsTextPageCountAndFirstPagePreviewOfPdf() throws Exception {
        Path pdf = pdf("plan.pdf", null, "Квазикристаллы в природе", "Вторая страница");
        MaterialInspector.MaterialInfo info = inspect(pdf);
        assertTrue(info.text().contains("Квазикристаллы в природе"), info.text());
        assertEquals(2, info.pages());
        assertNotNull(info.preview());
        assertEquals(200, ImageIO.read(info.preview().toFile()).getWidth(), 2);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void reusesCachedTextWhenTheSameContentComesAgain() throws Exception {
        Path pdf = pdf("plan.pdf", null, "Кэшированный текст");
        Material m = material(pdf, "fixed-hash-0123456789abcdef");
        MaterialInspector inspector = new MaterialInspector(dir.resolve("cache"));
        inspector.inspect(m, "stands/a/files/plan.pdf", problems::add);
        Files.delete(pdf);
        assertTrue(inspector.inspect(m, "stands/a/files/plan.pdf", problems::add).text().contains("Кэшированный"));
    }

    @Test
    void reportsCorruptPdfAsWarningAndReturnsEmptyInfo() throws Exception {
        Path bad = dir.resolve("broken.pdf");
        Files.writeString(bad, "%PDF-1.7\nэто не pdf");
        MaterialInspector.MaterialInfo info = inspect(bad);
        assertEquals("", info.text());
        assertNull(info.preview());
        assertEquals(1, problems.size());
        assertEquals("material.corrupt", problems.get(0).code());
        assertEquals("stands/a/files/broken.pdf", problems.get(0).file());
        assertTrue(problems.get(0).hint().contains("пересохраните"));
    }

    @Test
    void reportsPasswordProtectedPdfAsEncrypted() throws Exception {
        Path pdf = pdf("secret.pdf", "пароль", "Секрет");
        assertEquals("", inspect(pdf).text());
        assertEquals("material.encrypted", problems.get(0).code());
    }

    @Test
    void extractsDocxText() throws Exception {
        Path docx = dir.resolve("programma.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("Программа развития гимназии");
            doc.write(out);
        }
        assertEquals("Программа развития гимназии", inspect(docx).text());
    }

    @Test
    void extractsOdtTextAndRefusesAnInflatedContentBomb() throws Exception {
        Path odt = zip("otchet.odt", "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body>"
                + "<text:p>Отчёт о работе</text:p><text:p>лицея</text:p></office:body></office:document-content>");
        assertEquals("Отчёт о работе лицея", inspect(odt).text());
        Path bomb = zip("bomb.odt", "<a>" + "<b/>".repeat(15 * 1024 * 1024) + "</a>");
        assertEquals("", inspect(bomb).text());
        assertEquals("material.bomb", problems.get(0).code());
    }

    @Test
    void readsWindows1251TextAndRtf() throws Exception {
        Path txt = dir.resolve("spisok.txt");
        Files.write(txt, "Список учеников".getBytes(Charset.forName("windows-1251")));
        assertEquals("Список учеников", inspect(txt).text());
        Path rtf = dir.resolve("note.rtf");
        Files.writeString(rtf, "{\\rtf1\\ansi Hello {\\b world}\\par}", StandardCharsets.US_ASCII);
        assertEquals("Hello world", inspect(rtf).text());
    }

    private MaterialInspector.MaterialInfo inspect(Path file) {
        return new MaterialInspector(dir.resolve("cache")).inspect(material(file, null),
                "stands/a/files/" + file.getFileName(), problems::add);
    }

    private static Material material(Path file, String sha) {
        String name = file.getFileName().toString();
        return new Material("files/" + name, file, name, name, name, "", null, "PDF", 1, sha);
    }

    private Path pdf(String name, String password, String... pages) throws Exception {
        Path out = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, FONT.toFile());
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out.toFile());
        }
        return out;
    }

    private Path zip(String name, String contentXml) throws Exception {
        Path out = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(contentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out;
    }
}
