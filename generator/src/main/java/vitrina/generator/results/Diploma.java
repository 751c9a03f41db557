package vitrina.generator.results;

import java.util.Objects;

/**
 * What one diploma or participation certificate says, and where it is verified. The integrator renders the
 * verification page at {@link #verifyPath()} and publishes the PDF at {@link #pdfPath()}.
 *
 * @param kind             winner, laureate or participant
 * @param number           stable 12-hex-digit number (see {@link Diplomas#number})
 * @param standId          the stand
 * @param nominationId     the nomination, or null for a participation certificate
 * @param nominationTitle  the nomination's title, or null for a participation certificate
 * @param place            rank in the nomination (1..3), or 0 for a participation certificate
 * @param organizationName the organization's full name
 * @param regionName       the region's name
 * @param city             the city
 * @param contestTitle     the exhibition title from site.yaml
 * @param round            the contest round as printed (e.g. «2026»)
 * @param verifyPath       {@code /results/verify/<number>/}
 * @param verifyUrl        the absolute verification URL (punycode host), encoded in the QR code
 * @param displayUrl       the same URL as people read it (Cyrillic host allowed), printed under the QR code
 */
public record Diploma(Kind kind, String number, String standId, String nominationId, String nominationTitle,
                      int place, String organizationName, String regionName, String city, String contestTitle,
                      String round, String verifyPath, String verifyUrl, String displayUrl) {

    /** The three kinds of document. */
    public enum Kind {
        WINNER("Победитель"), LAUREATE("Лауреат"), PARTICIPANT("Участник");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Diploma {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(standId, "standId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(contestTitle, "contestTitle");
        Objects.requireNonNull(verifyUrl, "verifyUrl");
    }

    /** Where the PDF is published: {@code /results/diplomas/<number>.pdf}. */
    public String pdfPath() {
        return "/results/diplomas/" + number + ".pdf";
    }
}
