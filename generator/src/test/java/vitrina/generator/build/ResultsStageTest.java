package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;
import vitrina.generator.problem.Problem;

/** The results stage over the small fixture site: publication switch, vote export sources and their failures. */
class ResultsStageTest {
    private static final String EXPERTS = """
            stand,expert,criterion,score
            novosibirsk-museum,Иванова,Содержание,8
            sochi-school-12,Иванова,Содержание,9
            vladimir-gymnasium-5,Иванова,Содержание,7
            """;
    private static final String VOTES = """
            {"generated":"2026-07-31T21:00:00Z","stands":[
              {"id":"novosibirsk-museum","nomination":"upbringing","votes":%d,"flagged":0},
              {"id":"sochi-school-12","nomination":"innovation","votes":12,"flagged":0},
              {"id":"vladimir-gymnasium-5","nomination":"innovation","votes":30,"flagged":0},
              {"id":"vladimir-gymnasium-5","nomination":"upbringing","votes":5,"flagged":0}]}
            """;

    @TempDir
    Path dir;

    private Path content(boolean published) throws IOException {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Files.createDirectories(content.resolve("evaluation"));
        Files.writeString(content.resolve("evaluation/experts.csv"), EXPERTS);
        if (published) {
            Path yaml = content.resolve("site.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("published: false", "published: true"));
        }
        return content;
    }

    private BuildReport build(Path content, String votes) {
        return new Build(TestSites.options(content, dir).withVotes(votes)).run();
    }

    private Path site(String path) {
        return dir.resolve("site-output").resolve(path);
    }

    /** votes_raw by "stand/nomination" from the published results.csv. */
    private Map<String, String> votesColumn() throws IOException {
        List<String> lines = Files.readString(site("data/results.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, String> votes = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            votes.put(cells[0] + "/" + cells[1], cells[header.indexOf("votes_raw")]);
        }
        return votes;
    }

    private static boolean has(BuildReport report, String code) {
        return report.problems().stream().map(Problem::code).anyMatch(code::equals);
    }

    @Test
    void unpublishedEvaluationProducesNoResultsPagesAndNoCardButAPreviewForOrganizers() throws IOException {
        BuildReport report = build(content(false), null);
        assertEquals(0, report.errors(), () -> report.problems().toString());
        assertFalse(Files.exists(site("results")), "no /results/ at all");
        assertFalse(Files.exists(site("data/results.csv")));
        Document stand = Jsoup.parse(site("stands/sochi-school-12/index.html").toFile(), "UTF-8");
        assertNull(stand.selectFirst(".result-card"));
        assertNull(stand.selectFirst("footer a[href=/results/]"));
        assertNotNull(stand.selectFirst("footer a[href=/data/]"), "open data is always published");
        assertTrue(Files.exists(site("data/stands.csv")) && Files.exists(site("data/stands.json")));
        String preview = Files.readString(dir.resolve(".vitrina/report/results-preview.csv"), StandardCharsets.UTF_8);
        assertTrue(preview.contains("sochi-school-12,innovation"), preview);
        assertFalse(Files.readString(site("sitemap.xml")).contains("/results/"));
    }

    @Test
    void votesFromAFileChangeTheVotesColumn() throws IOException {
        Path content = content(true);
        Path few = Files.writeString(dir.resolve("few.json"), VOTES.formatted(3));
        Path many = Files.writeString(dir.resolve("many.json"), VOTES.formatted(250));
        BuildReport first = build(content, few.toString());
        assertEquals(0, first.errors(), () -> first.problems().toString());
        assertEquals("3", votesColumn().get("novosibirsk-museum/upbringing"));
        BuildReport second = build(content, many.toString());
        assertEquals(0, second.errors(), () -> second.problems().toString());
        assertEquals("250", votesColumn().get("novosibirsk-museum/upbringing"));
        assertEquals("30", votesColumn().get("vladimir-gymnasium-5/innovation"));
    }

    @Test
    void withoutTheOptionTheExportInTheContentFolderIsUsed() throws IOException {
        Path content = content(true);
        Files.writeString(content.resolve("evaluation/votes.json"), VOTES.formatted(77));
        BuildReport report = build(content, null);
        assertEquals(0, report.errors(), () -> report.problems().toString());
        assertEquals("77", votesColumn().get("novosibirsk-museum/upbringing"));
    }

    @Test
    void aBrokenVotesFileGivesAProblemAndTheRatingWithoutVotes() throws IOException {
        Path content = content(true);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"stands\": [ {\"id\": ");
        BuildReport report = build(content, broken.toString());
        assertFalse(report.fatal());
        assertTrue(has(report, "evaluation.votes.format"), () -> report.problems().toString());
        assertEquals("", votesColumn().get("novosibirsk-museum/upbringing"), "votes take no part");
        assertTrue(Files.exists(site("results/index.html")), "the rest is still published");
    }

    @Test
    void anExpertsFileSavedByExcelInWindows1251IsReadWithAWarning() throws IOException {
        Path content = content(true);
        String excel = "stand;expert;criterion;score\r\nnovosibirsk-museum;Иванова;Содержание;8,5\r\n"
                + "sochi-school-12;Иванова;Содержание;9\r\nvladimir-gymnasium-5;Петров;Оформление;7,25\r\n";
        Files.write(content.resolve("evaluation/experts.csv"), excel.getBytes(java.nio.charset.Charset.forName("windows-1251")));
        BuildReport report = build(content, null);
        assertEquals(0, report.errors(), () -> report.problems().toString());
        Problem warning = report.problems().stream().filter(p -> p.code().equals("evaluation.encoding.cp1251"))
                .findFirst().orElseThrow(() -> new AssertionError(report.problems().toString()));
        assertEquals("evaluation/experts.csv", warning.file());
        String csv = Files.readString(site("data/results.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("novosibirsk-museum,upbringing"), csv);
        assertTrue(csv.contains(",8.5000,"), "decimal comma read: " + csv);
        assertTrue(csv.contains(",7.2500,"), csv);
    }

    @Test
    void aMissingVotesFileGivesAProblem() throws IOException {
        BuildReport report = build(content(true), dir.resolve("nowhere.json").toString());
        assertFalse(report.fatal());
        assertTrue(has(report, "evaluation.votes.missing"), () -> report.problems().toString());
    }

    @Test
    void votesAreFetchedFromAnHttpUrl() throws IOException {
        Path content = content(true);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = VOTES.formatted(42).getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/export", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            BuildReport report = build(content, base + "/api/export");
            assertEquals(0, report.errors(), () -> report.problems().toString());
            assertEquals("42", votesColumn().get("novosibirsk-museum/upbringing"));
            BuildReport notFound = build(content, base + "/missing");
            Problem p = notFound.problems().stream().filter(x -> x.code().equals("evaluation.votes.fetch"))
                    .findFirst().orElseThrow(() -> new AssertionError(notFound.problems().toString()));
            assertTrue(p.message().contains("404"), p.message());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableVotingServiceGivesAProblemNotACrash() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        BuildReport report = build(content(true), "http://127.0.0.1:" + port + "/export");
        assertFalse(report.fatal());
        assertTrue(has(report, "evaluation.votes.fetch"), () -> report.problems().toString());
    }
}
