package vitrina.generator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.problem.Problem;

class EvaluationInputsTest {
    private static final Set<String> PUBLISHED = Set.of("a-school", "b-school");
    private static final Map<String, List<String>> NOMINATIONS = Map.of("a-school", List.of("innovation"),
            "b-school", List.of("innovation", "upbringing"));

    @TempDir
    Path content;
    final List<Problem> problems = new ArrayList<>();

    private EvaluationInputs read(String file, byte[] bytes) throws IOException {
        Files.createDirectories(content.resolve("evaluation"));
        Files.write(content.resolve(file), bytes);
        return EvaluationInputs.read(content, null, PUBLISHED, NOMINATIONS, problems::add);
    }

    private List<String> codesAndPlaces() {
        return problems.stream().map(p -> p.code() + "@" + p.location()).toList();
    }

    @Test
    void readsWindows1251WithSemicolonsAndDecimalCommaAndWarnsAboutTheEncoding() throws IOException {
        String text = "stand;expert;criterion;score\r\na-school;Иванов Пётр;Оформление;8,5\r\n"
                + "a-school;Сидорова Анна;Оформление;9,5\r\n";
        EvaluationInputs in = read("evaluation/experts.csv", text.getBytes(Charset.forName("windows-1251")));
        assertEquals(new BigDecimal("9.0000"), in.values().get(Indicator.EXPERTS).get("a-school"));
        assertEquals(List.of("evaluation.encoding.cp1251@evaluation/experts.csv"), codesAndPlaces());
        assertEquals(problems.get(0).severity(), vitrina.generator.problem.Severity.WARNING);
    }

    @Test
    void readsUtf8WithByteOrderMarkWithoutWarnings() throws IOException {
        byte[] body = "stand,views\na-school,\"1 250\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        EvaluationInputs in = read("evaluation/views.csv", bytes);
        assertEquals(new BigDecimal("1250.0000"), in.values().get(Indicator.VIEWS).get("a-school"));
        assertEquals(List.of(), problems);
    }

    @Test
    void reportsUnknownStandScoreOutOfRangeAndDuplicateExpertWithExactLines() throws IOException {
        String text = """
                stand,expert,criterion,score
                a-school,Иванов,k1,7
                ghost-school,Иванов,k1,7
                a-school,Петров,k1,11
                a-school,Иванов,k1,9
                b-school,Иванов,k1,-2
                b-school,Иванов,k2,8
                """;
        EvaluationInputs in = read("evaluation/experts.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("evaluation.stand.unknown@evaluation/experts.csv:3:1",
                "evaluation.score.range@evaluation/experts.csv:4:20",
                "evaluation.expert.duplicate@evaluation/experts.csv:5:1",
                "evaluation.score.range@evaluation/experts.csv:6:20"), codesAndPlaces());
        assertEquals(new BigDecimal("7.0000"), in.values().get(Indicator.EXPERTS).get("a-school"));
        assertEquals(new BigDecimal("8.0000"), in.values().get(Indicator.EXPERTS).get("b-school"));
        assertTrue(problems.get(1).message().contains("от 0 до 10"));
    }

    @Test
    void skipsAFileWithoutTheExpectedHeaderAndNamesTheColumns() throws IOException {
        EvaluationInputs in = read("evaluation/surveys.csv", "a-school,10,8\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(in.provided(Indicator.SURVEYS));
        assertEquals(List.of("evaluation.header@evaluation/surveys.csv:1:1"), codesAndPlaces());
        assertTrue(problems.get(0).message().contains("stand,respondents,score"));
        assertTrue(problems.get(0).isError());
    }

    @Test
    void weighsSurveyWavesByRespondentsAndTreatsNoRespondentsAsMissing() throws IOException {
        String text = "stand,respondents,score\na-school,10,4\na-school,30,8\nb-school,0,9\n";
        EvaluationInputs in = read("evaluation/surveys.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("7.0000"), in.values().get(Indicator.SURVEYS).get("a-school"));
        assertTrue(in.raw(Indicator.SURVEYS, "b-school", "innovation").isEmpty());
    }

    @Test
    void reportsADuplicateViewsRowAndANonIntegerCount() throws IOException {
        String text = "stand,views\na-school,10\na-school,20\nb-school,1.5\n";
        EvaluationInputs in = read("evaluation/views.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("evaluation.stand.duplicate@evaluation/views.csv:3:1",
                "evaluation.count.format@evaluation/views.csv:4:10"), codesAndPlaces());
        assertEquals(new BigDecimal("10.0000"), in.values().get(Indicator.VIEWS).get("a-school"));
    }

    @Test
    void averagesAuthoritiesOverSourcesAndAcceptsQuotedCommentsWithCommas() throws IOException {
        String text = "stand,source,score,comment\na-school,Минпрос,8,\"Хорошо, но \"\"мало\"\"\"\n"
                + "a-school,Департамент,10,\n";
        EvaluationInputs in = read("evaluation/authorities.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("9.0000"), in.values().get(Indicator.AUTHORITIES).get("a-school"));
        assertEquals(List.of(), problems);
    }

    @Test
    void anIndicatorWithoutAFileTakesNoPart() throws IOException {
        EvaluationInputs in = read("evaluation/views.csv", "stand,views\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(in.provided(Indicator.VIEWS));
        assertFalse(in.provided(Indicator.EXPERTS));
        assertFalse(in.provided(Indicator.VOTES));
    }
}
