package vitrina.generator.build;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.render.ResultsView;
import vitrina.generator.results.Award;
import vitrina.generator.results.Component;
import vitrina.generator.results.Diploma;
import vitrina.generator.results.Results;
import vitrina.generator.results.Score;
import vitrina.generator.results.Standing;

/** Turns the computed rating, diplomas and certificates into what the renderer shows ({@link ResultsView}). */
final class ResultsViews {
    private final SiteConfig site;
    private final Results results;
    private final Map<String, ResultsView.Document> diplomas = new HashMap<>();
    private final Map<String, ResultsView.Document> certificates = new HashMap<>();
    private final List<ResultsView.Document> documents = new ArrayList<>();

    ResultsViews(SiteConfig site, Results results, List<Diploma> awards, List<Diploma> participants) {
        this.site = site;
        this.results = results;
        for (Diploma d : awards) {
            ResultsView.Document doc = document(d);
            diplomas.put(d.standId() + "\n" + d.nominationId(), doc);
            documents.add(doc);
        }
        for (Diploma d : participants) {
            ResultsView.Document doc = document(d);
            certificates.put(d.standId(), doc);
            documents.add(doc);
        }
    }

    /** Where a diploma's or certificate's PDF is published: certificates apart from diplomas. */
    static String pdfUrl(Diploma d) {
        return d.kind() == Diploma.Kind.PARTICIPANT ? "/results/certificates/" + d.number() + ".pdf" : d.pdfPath();
    }

    ResultsView.Published published(String methodologyHtml, List<Stand> stands) {
        List<ResultsView.Standing> standings = results.standings().stream().map(s -> new ResultsView.Standing(
                new StandId(s.standId()), s.rank(), s.regionRank(), s.rated() ? text(s.best().total()) : null,
                s.top())).toList();
        List<ResultsView.NominationAwards> nominations = new ArrayList<>();
        for (Nomination n : site.nominations()) {
            List<ResultsView.Placed> placed = results.awards(n.id()).stream().map(s -> {
                ResultsView.Document doc = diplomas.get(s.standId() + "\n" + s.nominationId());
                return new ResultsView.Placed(new StandId(s.standId()), s.rank(), s.award().title(), text(s.total()),
                        doc == null ? null : doc.pdfUrl(), doc == null ? null : doc.verifyUrl());
            }).toList();
            nominations.add(new ResultsView.NominationAwards(n.id(), n.title(), placed));
        }
        Map<StandId, ResultsView.Card> cards = new LinkedHashMap<>();
        for (Stand stand : stands) {
            cards.put(stand.id(), card(stand));
        }
        return new ResultsView.Published(results.top(), methodologyHtml, standings, nominations, cards, documents);
    }

    private ResultsView.Card card(Stand stand) {
        String id = stand.id().value();
        Standing st = results.findStanding(id).orElseThrow();
        int rated = (int) results.standings().stream().filter(Standing::rated).count();
        int regionRated = (int) results.region(st.regionCode()).stream().filter(Standing::rated).count();
        List<ResultsView.CardNomination> nominations = new ArrayList<>();
        for (Score s : results.scoresOf(id)) {
            int of = (int) results.nomination(s.nominationId()).stream().filter(Score::rated).count();
            List<ResultsView.Part> parts = s.components().stream().map(ResultsViews::part).toList();
            String title = site.findNomination(s.nominationId()).map(Nomination::title).orElse(s.nominationId());
            nominations.add(new ResultsView.CardNomination(s.nominationId(), title, s.rank(), of,
                    s.award() == Award.NONE ? "" : s.award().title(), s.rated() ? text(s.total()) : null,
                    s.redistributed(), parts, diplomas.get(id + "\n" + s.nominationId())));
        }
        return new ResultsView.Card(st.rank(), rated, st.regionRank(), regionRated, st.top(), nominations,
                results.flaggedVotes().getOrDefault(id, 0L), certificates.get(id));
    }

    private static ResultsView.Part part(Component c) {
        return new ResultsView.Part(c.indicator().title(),
                c.missing() ? null : c.raw().stripTrailingZeros().toPlainString(),
                c.missing() ? null : text(c.normalized()), text(c.weight()), text(c.effectiveWeight()),
                text(c.contribution()));
    }

    private static ResultsView.Document document(Diploma d) {
        boolean certificate = d.kind() == Diploma.Kind.PARTICIPANT;
        return new ResultsView.Document(d.number(), certificate ? "Сертификат участника" : "Диплом", d.kind().title(),
                new StandId(d.standId()), d.organizationName(), d.regionName(), d.city(), d.nominationTitle(),
                d.place(), d.contestTitle(), d.round(), pdfUrl(d), d.verifyPath());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
