package vitrina.generator.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vitrina.generator.model.Regions;
import vitrina.generator.model.Stand;

/**
 * The open-data downloads: the full results table and the catalogue of published stands, as CSV (UTF-8 with BOM,
 * comma-separated, CRLF, decimal point) and JSON (UTF-8, no BOM). The schema is in
 * {@code vitrina/results/SCHEMA.md}. Output is deterministic: rows and keys in a fixed order, no dates.
 */
public final class OpenData {
    /** Format version written into the JSON files. */
    public static final String RESULTS_SCHEMA = "vitrina-results/1";
    public static final String STANDS_SCHEMA = "vitrina-stands/1";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String[] PARTS = {"raw", "percentile", "weight", "effective_weight", "contribution"};
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private OpenData() {
    }

    /** The CSV header of the results table. */
    public static List<String> resultsColumns() {
        List<String> columns = new ArrayList<>(List.of("stand", "nomination", "region", "total", "rank_nomination",
                "award", "rank_overall", "rank_region", "top", "redistributed"));
        for (Indicator i : Indicator.values()) {
            for (String part : PARTS) {
                columns.add(i.id() + "_" + part);
            }
        }
        columns.add("votes_flagged");
        return columns;
    }

    public static byte[] resultsCsv(Results results) {
        StringBuilder csv = new StringBuilder();
        Csv.row(csv, resultsColumns());
        for (Score s : results.scores()) {
            Standing st = results.findStanding(s.standId()).orElseThrow();
            List<String> row = new ArrayList<>(List.of(s.standId(), s.nominationId(), String.valueOf(s.regionCode()),
                    text(s.total()), s.rated() ? String.valueOf(s.rank()) : "", s.award().id(),
                    st.rated() ? String.valueOf(st.rank()) : "", st.rated() ? String.valueOf(st.regionRank()) : "",
                    String.valueOf(st.top()), String.valueOf(s.redistributed())));
            for (Indicator i : Indicator.values()) {
                Component c = s.component(i).orElse(null);
                row.add(c == null ? "" : text(c.raw()));
                row.add(c == null ? "" : text(c.normalized()));
                row.add(c == null ? "" : text(c.weight()));
                row.add(c == null ? "" : text(c.effectiveWeight()));
                row.add(c == null ? "" : text(c.contribution()));
            }
            row.add(String.valueOf(results.flaggedVotes().getOrDefault(s.standId(), 0L)));
            Csv.row(csv, row);
        }
        return withBom(csv);
    }

    public static byte[] resultsJson(Results results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", RESULTS_SCHEMA);
        root.put("published", results.published());
        root.put("top", results.top());
        root.put("normalization", "mid-rank percentile within nomination: (L + E/2) / n");
        ObjectNode weights = root.putObject("weights");
        results.weights().forEach((i, w) -> weights.put(i.id(), w));
        ArrayNode rows = root.putArray("results");
        for (Score s : results.scores()) {
            Standing st = results.findStanding(s.standId()).orElseThrow();
            ObjectNode row = rows.addObject();
            row.put("stand", s.standId());
            row.put("nomination", s.nominationId());
            row.put("region", s.regionCode());
            row.put("total", s.total());
            putRank(row, "rank_nomination", s.rated() ? s.rank() : 0);
            row.put("award", s.award() == Award.NONE ? null : s.award().id());
            putRank(row, "rank_overall", st.rank());
            putRank(row, "rank_region", st.regionRank());
            row.put("top", st.top());
            row.put("redistributed", s.redistributed());
            ObjectNode indicators = row.putObject("indicators");
            for (Component c : s.components()) {
                ObjectNode node = indicators.putObject(c.indicator().id());
                node.put("raw", c.raw());
                node.put("percentile", c.normalized());
                node.put("weight", c.weight());
                node.put("effective_weight", c.effectiveWeight());
                node.put("contribution", c.contribution());
            }
            row.put("votes_flagged", results.flaggedVotes().getOrDefault(s.standId(), 0L));
        }
        return json(root);
    }

    /** The CSV header of the stands catalogue. */
    public static List<String> standsColumns() {
        return List.of("id", "short_name", "name", "type", "region", "region_name", "city", "address", "inn", "ogrn",
                "founded", "website", "nominations", "url", "version", "approved");
    }

    public static byte[] standsCsv(List<Stand> stands) {
        StringBuilder csv = new StringBuilder();
        Csv.row(csv, standsColumns());
        for (Stand s : sorted(stands)) {
            Csv.row(csv, standFields(s).values().stream().map(v -> v instanceof List<?> l
                    ? l.stream().map(String::valueOf).collect(Collectors.joining(" ")) : v == null ? "" : String.valueOf(v))
                    .toList());
        }
        return withBom(csv);
    }

    public static byte[] standsJson(List<Stand> stands) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", STANDS_SCHEMA);
        ArrayNode rows = root.putArray("stands");
        for (Stand s : sorted(stands)) {
            rows.add(MAPPER.valueToTree(standFields(s)));
        }
        return json(root);
    }

    private static Map<String, Object> standFields(Stand s) {
        var org = s.org();
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("id", s.id().value());
        f.put("short_name", org.shortName());
        f.put("name", org.name());
        f.put("type", org.type().id());
        f.put("region", org.region().code());
        f.put("region_name", Regions.findByCode(org.region().code()).map(r -> r.name()).orElse(org.region().name()));
        f.put("city", org.city());
        f.put("address", org.address());
        f.put("inn", org.inn());
        f.put("ogrn", org.ogrn());
        f.put("founded", org.founded() > 0 ? org.founded() : null);
        f.put("website", org.website());
        f.put("nominations", List.copyOf(s.nominations()));
        f.put("url", "/stands/" + s.id().value() + "/");
        f.put("version", s.version());
        f.put("approved", s.approved() == null ? null : s.approved().toString());
        return f;
    }

    private static List<Stand> sorted(List<Stand> stands) {
        List<Stand> copy = new ArrayList<>(stands);
        copy.sort(Comparator.comparing(Stand::id));
        return copy;
    }

    private static void putRank(ObjectNode row, String name, int rank) {
        if (rank > 0) {
            row.put(name, rank);
        } else {
            row.putNull(name);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static byte[] withBom(StringBuilder csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] json(ObjectNode root) {
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
