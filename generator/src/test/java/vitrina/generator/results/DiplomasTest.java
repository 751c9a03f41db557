package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vitrina.generator.model.SiteConfig;

class DiplomasTest {
    private static final SiteConfig SITE = Fixtures.site(Fixtures.WEIGHTS, 3);

    private static List<Diploma> awards() {
        return Diplomas.awards(Fixtures.smallResults(), Fixtures.stands(), SITE, "2026");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void listsADiplomaForEachWinnerAndLaureateWithAStableVerificationPath() {
        List<Diploma> list = awards();
        assertEquals(List.of("a-school:WINNER:1", "b-school:LAUREATE:2", "c-school:LAUREATE:3", "c-school:WINNER:1",
                "f-school:LAUREATE:2"), list.stream().map(d -> d.standId() + ":" + d.kind() + ":" + d.place()).toList());
        Diploma first = list.get(0);
        assertTrue(first.number().matches("[0-9a-f]{12}"), first.number());
        assertEquals("/results/verify/" + first.number() + "/", first.verifyPath());
        assertEquals("https://xn--80aaafbb1b0bdgbj5h.xn--p1ai/results/verify/" + first.number() + "/",
                first.verifyUrl());
        assertEquals("/results/diplomas/" + first.number() + ".pdf", first.pdfPath());
        assertEquals(first.number(), awards().get(0).number());
        assertEquals("Инновационные подходы в образовании", first.nominationTitle());
    }

    @Test
    void numbersDifferByStandNominationRoundAndScore() {
        BigDecimal t = new BigDecimal("0.8275");
        String base = Diplomas.number(Diploma.Kind.WINNER, "a-school", "innovation", "2026", t);
        assertNotEquals(base, Diplomas.number(Diploma.Kind.WINNER, "a-school", "upbringing", "2026", t));
        assertNotEquals(base, Diplomas.number(Diploma.Kind.WINNER, "a-school", "innovation", "2027", t));
        assertNotEquals(base, Diplomas.number(Diploma.Kind.WINNER, "a-school", "innovation", "2026",
                new BigDecimal("0.8276")));
        assertEquals(base, Diplomas.number(Diploma.Kind.WINNER, "a-school", "innovation", "2026", t));
    }

    @Test
    void diplomaIsALandscapeA4PdfWhoseTextNamesTheOrganizationNominationAndNumber() throws IOException {
        Diploma d = awards().get(0);
        byte[] pdf = Diplomas.diploma(d);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(842f, box.getWidth(), 1f);
            assertEquals(595f, box.getHeight(), 1f);
        }
        String text = text(pdf);
        assertTrue(text.contains("ДИПЛОМ"), text);
        assertTrue(text.contains("победителя"), text);
        assertTrue(text.contains("Муниципальное бюджетное общеобразовательное учреждение"), text);
        assertTrue(text.contains("города с очень длинным названием"), text);
        assertTrue(text.contains("Инновационные подходы в образовании"), text);
        assertTrue(text.contains("Диплом № " + d.number()), text);
        assertTrue(text.contains("ШколаТворчества.РФ/results/verify/" + d.number()), text);
    }

    @Test
    void laureateDiplomaStatesThePlace() throws IOException {
        assertTrue(text(Diplomas.diploma(awards().get(1))).contains("лауреата · 2 место"));
    }

    @Test
    void certificateOfParticipationExistsForEveryStandAndIsNotADiploma() throws IOException {
        List<Diploma> certificates = Diplomas.certificates(Fixtures.stands(), SITE, "2026");
        assertEquals(6, certificates.size());
        Diploma c = certificates.get(3);
        assertEquals("d-school", c.standId());
        String text = text(Diplomas.certificate(c));
        assertTrue(text.contains("СЕРТИФИКАТ участника"), text);
        assertTrue(text.contains("Сертификат № " + c.number()), text);
        assertThrows(IllegalArgumentException.class, () -> Diplomas.diploma(c));
        assertThrows(IllegalArgumentException.class, () -> Diplomas.certificate(awards().get(0)));
    }

    @Test
    void rendersTheSameBytesTwice() {
        Diploma d = awards().get(2);
        assertArrayEquals(Diplomas.diploma(d), Diplomas.diploma(d));
    }

    @Test
    void leavesOutCharactersTheFontCannotShowInsteadOfFailing() throws IOException {
        Diploma d = awards().get(0);
        Diploma odd = new Diploma(d.kind(), d.number(), d.standId(), d.nominationId(), d.nominationTitle(), d.place(),
                "Школа \uD83D\uDE80 Ракета", d.regionName(), d.city(), d.contestTitle(), d.round(), d.verifyPath(),
                d.verifyUrl(), d.displayUrl());
        assertTrue(text(Diplomas.diploma(odd)).contains("Школа Ракета"));
    }

    @Test
    void qrCodeDecodesBackToTheVerificationUrl() throws Exception {
        String url = awards().get(0).verifyUrl();
        boolean[][] modules = QrCode.modules(url);
        BitMatrix matrix = new BitMatrix(modules.length);
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules.length; x++) {
                if (modules[y][x]) {
                    matrix.set(x, y);
                }
            }
        }
        assertEquals(url, new Decoder().decode(matrix).getText());
    }
}
