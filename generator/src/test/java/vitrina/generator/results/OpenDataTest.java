package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDataTest {

    private static List<String> lines(byte[] csv) {
        assertEquals((byte) 0xEF, csv[0]);
        return List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void writesOneCsvRowPerStandAndNominationWithEveryFigureOfTheScore() {
        List<String> lines = lines(OpenData.resultsCsv(Fixtures.smallResults()));
        assertEquals(String.join(",", OpenData.resultsColumns()), lines.get(0));
        assertEquals(1 + 7, lines.size());
        assertEquals("a-school,innovation,23,0.8275,1,winner,1,1,true,false,"
                + "9.0000,0.8750,0.5,0.5000,0.4375,40,0.7000,0.3,0.3000,0.2100,500.0000,0.9000,0.2,0.2000,0.1800,"
                + ",,,,,,,,,,0", lines.get(1));
        assertTrue(lines.contains("d-school,innovation,77,0.1800,5,,6,2,false,true,"
                + ",,0.5,0.0000,0.0000,20,0.1000,0.3,0.6000,0.0600,300.0000,0.3000,0.2,0.4000,0.1200,,,,,,,,,,,0"));
    }

    @Test
    void everyPublishedTotalIsTheSumOfItsPublishedContributions() {
        for (String line : lines(OpenData.resultsCsv(Fixtures.smallResults())).subList(1, 8)) {
            String[] f = line.split(",", -1);
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 10; i + 4 < f.length; i += 5) {
                if (!f[i + 4].isEmpty()) {
                    sum = sum.add(new BigDecimal(f[i + 4]));
                }
            }
            assertEquals(0, sum.compareTo(new BigDecimal(f[3])), line);
        }
    }

    @Test
    void writesResultsJsonWithWeightsAndNullsForMissingValues() throws IOException {
        byte[] bytes = OpenData.resultsJson(Fixtures.smallResults());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"effective_weight\" : 0.6000,"));
        JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(bytes);
        assertEquals("vitrina-results/1", root.get("schema").asText());
        assertEquals("0.5", root.get("weights").get("experts").asText());
        JsonNode d = row(root, "d-school");
        assertTrue(d.get("indicators").get("experts").get("raw").isNull());
        assertEquals(0, new BigDecimal("0.6").compareTo(d.get("indicators").get("votes").get("effective_weight")
                .decimalValue()));
        assertTrue(d.get("award").isNull());
        assertEquals(2500, row(root, "e-school").get("votes_flagged").asLong());
        assertEquals(3, row(root, "b-school").get("rank_overall").asInt());
    }

    private static JsonNode row(JsonNode root, String stand) {
        for (JsonNode row : root.get("results")) {
            if (row.get("stand").asText().equals(stand)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + stand);
    }

    @Test
    void writesTheStandsCatalogueSortedWithQuotedNamesAndNominationsList() throws IOException {
        List<vitrina.generator.model.Stand> reversed = new java.util.ArrayList<>(Fixtures.stands());
        java.util.Collections.reverse(reversed);
        List<String> lines = lines(OpenData.standsCsv(reversed));
        assertEquals(String.join(",", OpenData.standsColumns()), lines.get(0));
        assertTrue(lines.get(1).startsWith("a-school,Школа a-school,Муниципальное"), lines.get(1));
        assertTrue(lines.get(3).contains(",innovation upbringing,/stands/c-school/,"), lines.get(3));
        JsonNode json = new ObjectMapper().readTree(OpenData.standsJson(Fixtures.stands()));
        assertEquals("Краснодарский край", json.get("stands").get(0).get("region_name").asText());
        assertEquals(2, json.get("stands").get(2).get("nominations").size());
    }

    @Test
    void keepsSpreadsheetsFromRunningCellsAsFormulas() {
        assertEquals("'=HYPERLINK(1)", Csv.cell("=HYPERLINK(1)"));
        assertEquals("\"'=1,2\"", Csv.cell("=1,2"));
        assertEquals("\"Лицей, 2\"", Csv.cell("Лицей, 2"));
    }

    @Test
    void producesByteIdenticalFilesOnEveryRun() {
        assertArrayEquals(OpenData.resultsCsv(Fixtures.smallResults()), OpenData.resultsCsv(Fixtures.smallResults()));
        assertArrayEquals(OpenData.resultsJson(Fixtures.smallResults()), OpenData.resultsJson(Fixtures.smallResults()));
        assertTrue(Arrays.equals(OpenData.standsJson(Fixtures.stands()), OpenData.standsJson(Fixtures.stands())));
    }
}
