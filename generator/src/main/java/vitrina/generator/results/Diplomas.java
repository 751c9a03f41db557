package vitrina.generator.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;

/**
 * Diplomas for winners and laureates and participation certificates for every published stand: A4 landscape PDF
 * with the bundled DejaVu Sans (Cyrillic), a stable number and a QR code of the verification page. PDFs are
 * byte-identical for the same input: no dates, and the document ID derives from the number.
 */
public final class Diplomas {
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    private Diplomas() {
    }

    /**
     * The diploma number: the first 12 hex digits of SHA-256 over {@code kind|stand|nomination|round|total}. A static
     * site has no secret to sign with, so authenticity comes from the verification page existing on the official
     * site; 48 bits make guessing a valid number by enumeration hopeless.
     */
    public static String number(Diploma.Kind kind, String standId, String nominationId, String round,
                                BigDecimal total) {
        String key = kind.name() + "|" + standId + "|" + (nominationId == null ? "" : nominationId) + "|"
                + (round == null ? "" : round) + "|" + (total == null ? "" : total.toPlainString());
        return HexFormat.of().formatHex(sha256(key)).substring(0, 12);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A diploma for each winner and laureate, in the order of {@link Results#allAwards()}. */
    public static List<Diploma> awards(Results results, List<Stand> stands, SiteConfig site, String round) {
        Map<String, Stand> byId = stands.stream().collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
        List<Diploma> list = new ArrayList<>();
        for (Score s : results.allAwards()) {
            Stand stand = Objects.requireNonNull(byId.get(s.standId()), "no stand " + s.standId());
            Diploma.Kind kind = s.award() == Award.WINNER ? Diploma.Kind.WINNER : Diploma.Kind.LAUREATE;
            String title = site.findNomination(s.nominationId()).map(Nomination::title).orElse(s.nominationId());
            list.add(make(kind, stand, s.nominationId(), title, s.rank(), site, round, s.total()));
        }
        return list;
    }

    /** A participation certificate for each stand, sorted by stand id. */
    public static List<Diploma> certificates(List<Stand> stands, SiteConfig site, String round) {
        return stands.stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .map(s -> make(Diploma.Kind.PARTICIPANT, s, null, null, 0, site, round, null)).toList();
    }

    private static Diploma make(Diploma.Kind kind, Stand stand, String nomination, String title, int place,
                                SiteConfig site, String round, BigDecimal total) {
        String number = number(kind, stand.id().value(), nomination, round, total);
        String path = "/results/verify/" + number + "/";
        return new Diploma(kind, number, stand.id().value(), nomination, title, place, stand.org().name(),
                stand.org().region().name(), stand.org().city(), site.title(), round, path,
                site.asciiBaseUrl() + path.substring(1), site.baseUrl() + path.substring(1));
    }

    /** The winner's or laureate's diploma as PDF bytes. */
    public static byte[] diploma(Diploma d) {
        if (d.kind() == Diploma.Kind.PARTICIPANT) {
            throw new IllegalArgumentException("a participant gets a certificate, not a diploma: " + d.number());
        }
        return render(d);
    }

    /** The participation certificate as PDF bytes. */
    public static byte[] certificate(Diploma d) {
        if (d.kind() != Diploma.Kind.PARTICIPANT) {
            throw new IllegalArgumentException("not a participation certificate: " + d.number());
        }
        return render(d);
    }

    /** Any of the three kinds as PDF bytes. */
    public static byte[] render(Diploma d) {
        Objects.requireNonNull(d, "d");
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PDType0Font.load(doc, new java.io.ByteArrayInputStream(REGULAR), true);
            PDFont bold = PDType0Font.load(doc, new java.io.ByteArrayInputStream(BOLD), true);
            PDPage page = new PDPage(new PDRectangle(DiplomaPage.WIDTH, DiplomaPage.HEIGHT));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                new DiplomaPage(content, regular, bold).draw(printable(d, regular, bold));
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle((d.kind() == Diploma.Kind.PARTICIPANT ? "Сертификат участника № " : "Диплом № ") + d.number());
            info.setSubject(d.organizationName());
            doc.setDocumentInformation(info);
            COSArray id = new COSArray();
            byte[] idBytes = java.util.Arrays.copyOf(sha256("pdf-id|" + d.number()), 16);
            id.add(new COSString(idBytes));
            id.add(new COSString(idBytes));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write diploma " + d.number(), e);
        }
    }

    /** The diploma with characters the bundled font cannot show (emoji and the like) left out. */
    private static Diploma printable(Diploma d, PDFont regular, PDFont bold) {
        Function<String, String> clean = s -> s == null ? null : s.codePoints().filter(c -> canShow(regular, c)
                && canShow(bold, c)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return new Diploma(d.kind(), d.number(), d.standId(), d.nominationId(), clean.apply(d.nominationTitle()),
                d.place(), clean.apply(d.organizationName()), clean.apply(d.regionName()), clean.apply(d.city()),
                clean.apply(d.contestTitle()), clean.apply(d.round()), d.verifyPath(), d.verifyUrl(),
                clean.apply(d.displayUrl()));
    }

    private static boolean canShow(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = Diplomas.class.getResourceAsStream("/vitrina/results/fonts/" + name)) {
            return Objects.requireNonNull(in, "missing bundled font " + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
