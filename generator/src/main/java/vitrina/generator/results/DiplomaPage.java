package vitrina.generator.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Lays out one diploma on an A4 landscape page: border, centred wrapped lines, QR code and number. */
final class DiplomaPage {
    static final float WIDTH = 842f;
    static final float HEIGHT = 595f;
    private static final float TEXT_WIDTH = 660f;

    private final PDPageContentStream page;
    private final PDFont regular;
    private final PDFont bold;
    private float y = HEIGHT - 70f;

    DiplomaPage(PDPageContentStream page, PDFont regular, PDFont bold) {
        this.page = page;
        this.regular = regular;
        this.bold = bold;
    }

    void draw(Diploma d) throws IOException {
        border();
        centered(d.contestTitle(), regular, 12f, TEXT_WIDTH, 3);
        y -= 30f;
        boolean certificate = d.kind() == Diploma.Kind.PARTICIPANT;
        centered(certificate ? "СЕРТИФИКАТ" : "ДИПЛОМ", bold, 44f, TEXT_WIDTH, 1);
        y -= 4f;
        centered(switch (d.kind()) {
            case WINNER -> "победителя";
            case LAUREATE -> "лауреата · " + d.place() + " место";
            case PARTICIPANT -> "участника";
        }, regular, 18f, TEXT_WIDTH, 1);
        y -= 18f;
        centered(certificate ? "подтверждает участие" : "награждается", regular, 13f, TEXT_WIDTH, 1);
        y -= 8f;
        float size = 20f;
        while (size > 11f && wrap(d.organizationName(), bold, size, TEXT_WIDTH).size() > 4) {
            size -= 1f;
        }
        centered(d.organizationName(), bold, size, TEXT_WIDTH, 6);
        y -= 4f;
        String place = d.city() == null || d.city().isBlank() ? d.regionName() : d.regionName() + ", " + d.city();
        if (place != null && !place.isBlank()) {
            centered(place, regular, 13f, TEXT_WIDTH, 2);
        }
        y -= 10f;
        if (d.nominationTitle() != null) {
            centered("в номинации «" + d.nominationTitle() + "»", regular, 15f, TEXT_WIDTH, 3);
        } else {
            centered("в электронной выставке конкурса", regular, 13f, TEXT_WIDTH, 1);
        }
        footer(d);
    }

    private void border() throws IOException {
        page.setStrokingColor(0.12f, 0.23f, 0.45f);
        page.setLineWidth(3f);
        page.addRect(20f, 20f, WIDTH - 40f, HEIGHT - 40f);
        page.stroke();
        page.setLineWidth(0.8f);
        page.addRect(28f, 28f, WIDTH - 56f, HEIGHT - 56f);
        page.stroke();
    }

    private void footer(Diploma d) throws IOException {
        float side = 86f;
        QrCode.draw(page, d.verifyUrl(), 52f, 46f, side);
        float x = 52f + side + 16f;
        String label = d.kind() == Diploma.Kind.PARTICIPANT ? "Сертификат № " : "Диплом № ";
        text(label + d.number(), bold, 11f, x, 46f + side - 12f);
        text("Проверить подлинность: " + d.displayUrl(), regular, 9f, x, 46f + side - 30f);
        text("Документ подлинный, если страница проверки с этим номером открывается", regular, 8f, x, 46f + side - 46f);
        text("на официальном сайте конкурса и называет ту же организацию.", regular, 8f, x, 46f + side - 57f);
        if (d.round() != null && !d.round().isBlank()) {
            float w = width(d.round(), regular, 12f);
            text(d.round(), regular, 12f, WIDTH - 60f - w, 50f);
        }
    }

    private void centered(String s, PDFont font, float size, float maxWidth, int maxLines) throws IOException {
        List<String> lines = wrap(s, font, size, maxWidth);
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, lines.get(maxLines - 1) + "…");
        }
        for (String line : lines) {
            y -= size * 1.25f;
            text(line, font, size, (WIDTH - width(line, font, size)) / 2f, y);
        }
    }

    private void text(String s, PDFont font, float size, float x, float atY) throws IOException {
        page.setNonStrokingColor(0.1f, 0.1f, 0.15f);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(s);
        page.endText();
    }

    /** Greedy word wrap; a word longer than the line is kept whole on its own line. */
    static List<String> wrap(String s, PDFont font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        // "№ 12" and «г. Сочи» stay on one line: the space after them is made non-breaking
        String bound = s.strip().replaceAll("(№|г\\.|ул\\.|им\\.) ", "$1\u00A0");
        for (String word : bound.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(candidate, font, size) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }
}
