package vitrina.generator.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vitrina.generator.markdown.LinkResolver;
import vitrina.generator.markdown.MarkdownRenderer;
import vitrina.generator.model.Exhibition;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;
import vitrina.generator.render.ResultsView;
import vitrina.generator.render.Routes;
import vitrina.generator.results.Diploma;
import vitrina.generator.results.Diplomas;
import vitrina.generator.results.EvaluationInputs;
import vitrina.generator.results.Methodology;
import vitrina.generator.results.OpenData;
import vitrina.generator.results.Ranking;
import vitrina.generator.results.Results;

/**
 * The evaluation in the build: reads the organizers' evaluation files and the vote export, computes the rating
 * (when site.yaml has {@code evaluation:}), and publishes the open data; when {@code evaluation.published} is true
 * also the results pages' data, diplomas and participation certificates. Unpublished results go only to the
 * organizers' report folder ({@code results-preview.csv}), never to the site.
 */
final class ResultsStage {
    static final String STANDS_CSV = "stands.csv";
    static final String STANDS_JSON = "stands.json";
    static final String RESULTS_CSV = "results.csv";
    static final String RESULTS_JSON = "results.json";
    static final String PREVIEW = "results-preview.csv";

    private final Exhibition ex;
    private final Results results;
    private final List<Diploma> awards;
    private final List<Diploma> certificates;
    private final ResultsView view;

    private ResultsStage(Exhibition ex, Results results, List<Diploma> awards, List<Diploma> certificates,
                         ResultsView view) {
        this.ex = ex;
        this.results = results;
        this.awards = awards;
        this.certificates = certificates;
        this.view = view;
    }

    /** Computes everything the pages need; {@code markdown} renders the methodology and the data schema. */
    static ResultsStage compute(BuildOptions options, Exhibition ex, MarkdownRenderer markdown, Problems all) {
        Objects.requireNonNull(ex, "ex");
        SiteConfig site = ex.site();
        Consumer<Problem> problems = all::add;
        Results results = null;
        if (site.evaluation() != null) {
            Set<String> ids = ex.stands().stream().map(s -> s.id().value()).collect(Collectors.toSet());
            Map<String, List<String>> nominations = ex.stands().stream().collect(Collectors.toMap(
                    s -> s.id().value(), Stand::nominations, (a, b) -> a, TreeMap::new));
            EvaluationInputs read = EvaluationInputs.read(options.contentDir(), null, ids, nominations, problems);
            EvaluationInputs inputs = new EvaluationInputs(read.values(),
                    VotesSource.read(options.votes(), options.contentDir(), ids, nominations, problems));
            results = Ranking.compute(site.evaluation(), inputs, ex.stands());
        }
        boolean published = results != null && results.published();
        List<Diploma> awards = published ? Diplomas.awards(results, ex.stands(), site, round(site)) : List.of();
        List<Diploma> certificates = published ? Diplomas.certificates(ex.stands(), site, round(site)) : List.of();
        String dataHtml = render(markdown, withoutTitle(resource("/vitrina/results/SCHEMA.md")), "SCHEMA.md",
                problems);
        ResultsView.Published shown = null;
        if (published) {
            String methodology = render(markdown, Methodology.markdown(site.evaluation(), results,
                    Routes.dataFile(RESULTS_CSV), Routes.dataFile(RESULTS_JSON)), "methodology.md", problems);
            shown = new ResultsViews(site, results, awards, certificates).published(methodology, ex.stands());
        }
        return new ResultsStage(ex, results, awards, certificates,
                new ResultsView(dataHtml, downloads(published), shown));
    }

    ResultsView view() {
        return view;
    }

    /** Changes whenever anything the result cards show changes (for the stand render cache key). */
    String fingerprint() {
        if (results == null) {
            return "no-results";
        }
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update((view.published() == null ? "unpublished\n" : "published\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(OpenData.resultsCsv(results));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many PDFs {@link #write} renders (its progress steps). */
    int documents() {
        return view.published() == null ? 0 : awards.size() + certificates.size();
    }

    /**
     * Publishes the open data and, when results are published, the diplomas and certificates (rendered on both
     * cores; each PDF is byte-identical for the same input); writes the organizers' preview beside the site.
     */
    void write(OutputSink sink, Path reportDir, BuildOptions.Progress progress) {
        // the two catalogues of 50,000 stands at once, on both cores
        java.util.concurrent.CompletableFuture<byte[]> json = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> OpenData.standsJson(ex.stands()));
        sink.write(Routes.file(Routes.dataFile(STANDS_CSV)), OpenData.standsCsv(ex.stands()));
        sink.write(Routes.file(Routes.dataFile(STANDS_JSON)), json.join());
        if (results != null) {
            writePreview(reportDir);
        }
        if (view.published() == null) {
            return;
        }
        sink.write(Routes.file(Routes.dataFile(RESULTS_CSV)), OpenData.resultsCsv(results));
        sink.write(Routes.file(Routes.dataFile(RESULTS_JSON)), OpenData.resultsJson(results));
        java.util.stream.Stream.concat(awards.stream(), certificates.stream()).parallel().forEach(d -> {
            sink.write(Routes.file(ResultsViews.pdfUrl(d)), Diplomas.render(d));
            progress.step();
        });
    }

    private void writePreview(Path reportDir) {
        try {
            Files.createDirectories(reportDir);
            Files.write(reportDir.resolve(PREVIEW), OpenData.resultsCsv(results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results preview into " + reportDir, e);
        }
    }

    private static List<ResultsView.Download> downloads(boolean published) {
        List<ResultsView.Download> list = new java.util.ArrayList<>();
        if (published) {
            list.add(new ResultsView.Download("Результаты конкурса", Routes.dataFile(RESULTS_CSV), "CSV"));
            list.add(new ResultsView.Download("Результаты конкурса", Routes.dataFile(RESULTS_JSON), "JSON"));
        }
        list.add(new ResultsView.Download("Каталог стендов", Routes.dataFile(STANDS_CSV), "CSV"));
        list.add(new ResultsView.Download("Каталог стендов", Routes.dataFile(STANDS_JSON), "JSON"));
        return list;
    }

    /** The contest round printed on diplomas: the exposition's year, or «2026–2027» when it spans two. */
    static String round(SiteConfig site) {
        if (site.from() == null) {
            return null;
        }
        int from = site.from().getYear();
        return site.to() == null || site.to().getYear() == from ? String.valueOf(from) : from + "–" + site.to().getYear();
    }

    private static String render(MarkdownRenderer markdown, String text, String name, Consumer<Problem> problems) {
        return markdown.render(text, name, 1, LinkResolver.none(), problems).html();
    }

    /** The page template shows its own title, so the document's first-level heading goes. */
    private static String withoutTitle(String markdown) {
        return markdown.startsWith("# ") ? markdown.substring(markdown.indexOf('\n') + 1) : markdown;
    }

    private static String resource(String name) {
        try (InputStream in = ResultsStage.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
