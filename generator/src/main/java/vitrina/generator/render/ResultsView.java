package vitrina.generator.render;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vitrina.generator.model.StandId;

/**
 * What the renderer shows of the evaluation (public so the build can hand it over and Pebble can read it): the
 * open-data page, always, and when results are published the results pages, the result card of every stand and
 * the verification page of every diploma and certificate. Numbers arrive as plain decimal strings with a point
 * ({@code 0.8275}), exactly as in the open data; templates show them with a comma ({@code decimal} filter).
 *
 * @param dataHtml  the open-data page's body: the rendered schema (SCHEMA.md)
 * @param downloads the files listed on the open-data page, in order
 * @param published the results, or null when they are not published
 */
public record ResultsView(String dataHtml, List<Download> downloads, Published published) {
    public ResultsView {
        Objects.requireNonNull(dataHtml, "dataHtml");
        downloads = List.copyOf(downloads);
    }

    /** One file on the open-data page. */
    public record Download(String title, String url, String format) {
    }

    /**
     * @param top             the size of the "N best" list
     * @param methodologyHtml the methodology page's body
     * @param standings       every stand by overall rank, unrated last
     * @param nominations     every nomination with its winner and laureates, in site.yaml order
     * @param cards           the result card of every stand
     * @param documents       every diploma and participation certificate
     */
    public record Published(int top, String methodologyHtml, List<Standing> standings,
                            List<NominationAwards> nominations, Map<StandId, Card> cards, List<Document> documents) {
        public Published {
            Objects.requireNonNull(methodologyHtml, "methodologyHtml");
            standings = List.copyOf(standings);
            nominations = List.copyOf(nominations);
            cards = Map.copyOf(cards);
            documents = List.copyOf(documents);
        }
    }

    /** A stand's overall place: rank and regionRank 0 and total null when not rated. */
    public record Standing(StandId stand, int rank, int regionRank, String total, boolean top) {
    }

    /** A nomination's awards, by place. */
    public record NominationAwards(String id, String title, List<Placed> placed) {
    }

    /** A winner or laureate: place in the nomination, award title, total, the diploma's PDF and verification URLs. */
    public record Placed(StandId stand, int place, String award, String total, String diplomaUrl, String verifyUrl) {
    }

    /**
     * A stand's result card.
     *
     * @param rank         overall rank, 0 when not rated
     * @param rated        how many stands are rated
     * @param regionRank   rank in the stand's region, 0 when not rated
     * @param regionRated  how many stands of the region are rated
     * @param top          whether the stand is in the "N best"
     * @param nominations  the stand's result in each of its nominations
     * @param flaggedVotes votes excluded as suspicious
     * @param certificate  the participation certificate
     */
    public record Card(int rank, int rated, int regionRank, int regionRated, boolean top,
                       List<CardNomination> nominations, long flaggedVotes, Document certificate) {
        public Card {
            nominations = List.copyOf(nominations);
        }
    }

    /**
     * The stand's result in one nomination with the breakdown of its total.
     *
     * @param place         rank in the nomination, 0 when not rated
     * @param of            how many stands of the nomination are rated
     * @param award         «Победитель», «Лауреат» or empty
     * @param total         the total, or null when not rated
     * @param redistributed whether missing indicators' weight went to the present ones
     * @param diploma       the winner's or laureate's diploma, or null
     */
    public record CardNomination(String id, String title, int place, int of, String award, String total,
                                 boolean redistributed, List<Part> parts, Document diploma) {
        public CardNomination {
            parts = List.copyOf(parts);
        }
    }

    /** One indicator's part of a total; raw, normalized null when the stand misses the indicator. */
    public record Part(String indicator, String raw, String normalized, String weight, String effectiveWeight,
                       String contribution) {
        public boolean missing() {
            return raw == null;
        }
    }

    /**
     * A diploma or certificate, for its verification page.
     *
     * @param number       the stable number
     * @param title        «Диплом» or «Сертификат участника»
     * @param kind         «Победитель», «Лауреат» or «Участник»
     * @param nomination   the nomination's title, or null for a certificate
     * @param place        the place in the nomination, 0 for a certificate
     * @param pdfUrl       where the PDF is published
     * @param verifyUrl    the verification page
     */
    public record Document(String number, String title, String kind, StandId stand, String organization,
                           String region, String city, String nomination, int place, String contest, String round,
                           String pdfUrl, String verifyUrl) {
    }
}
