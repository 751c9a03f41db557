package vitrina.generator.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import vitrina.generator.problem.Problem;

/**
 * Reads one indicator CSV into a raw value per stand, validating every row. Rules (also in methodology.md):
 * experts.csv {@code stand,expert,criterion,score}, score 0..10, one row per stand+expert+criterion, raw value = mean
 * over experts of each expert's mean over criteria; views.csv {@code stand,views}, a whole number >= 0, one row per
 * stand; surveys.csv {@code stand,respondents,score}, respondents a whole number >= 0, score 0..10, several rows
 * (survey waves) allowed, raw value = respondent-weighted mean; authorities.csv {@code stand,source,score,comment},
 * score 0..10, one row per stand+source, raw value = mean over sources. Decimal comma or point both accepted.
 */
final class IndicatorFile {
    static final BigDecimal MAX_SCORE = BigDecimal.TEN;
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d+");

    private final Indicator indicator;
    private final String file;
    private final Set<String> published;
    private final Consumer<Problem> problems;

    private IndicatorFile(Indicator indicator, Set<String> published, Consumer<Problem> problems) {
        this.indicator = indicator;
        this.file = indicator.file();
        this.published = published;
        this.problems = problems;
    }

    static List<String> columns(Indicator indicator) {
        return switch (indicator) {
            case EXPERTS -> List.of("stand", "expert", "criterion", "score");
            case VIEWS -> List.of("stand", "views");
            case SURVEYS -> List.of("stand", "respondents", "score");
            case AUTHORITIES -> List.of("stand", "source", "score");
            case VOTES -> throw new IllegalArgumentException("votes come from the vote export");
        };
    }

    /** Raw values by stand id (sorted), rounded to 4 decimals; null when the file is unusable (bad header). */
    static Map<String, BigDecimal> read(Indicator indicator, byte[] bytes, Set<String> published,
                                        Consumer<Problem> problems) {
        return new IndicatorFile(indicator, published, problems).read(bytes);
    }

    private Map<String, BigDecimal> read(byte[] bytes) {
        CsvTable table = CsvTable.parse(bytes, file, problems);
        List<String> expected = columns(indicator);
        int[] index = new int[expected.size()];
        for (int i = 0; i < expected.size(); i++) {
            index[i] = table.header().indexOf(expected.get(i));
        }
        if (table.header().isEmpty() || java.util.Arrays.stream(index).anyMatch(i -> i < 0)) {
            problems.accept(Problem.error(file, 1, 1, "evaluation.header",
                    "Первая строка файла должна содержать заголовки столбцов: " + String.join(",", expected)
                            + (indicator == Indicator.AUTHORITIES ? ",comment" : "")
                            + (table.header().isEmpty() ? " (файл пуст)" : "; найдено: " + String.join(",", table.header())),
                    "Добавьте строку заголовков; пока её нет, показатель «" + indicator.title() + "» не учитывается"));
            return null;
        }
        Map<String, List<Value>> byStand = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String stand = row.field(index[0]);
            if (!published.contains(stand)) {
                problems.accept(Problem.warning(file, row.line(), row.column(index[0]), "evaluation.stand.unknown",
                        "Стенд «" + stand + "» не опубликован или не существует; строка не учитывается",
                        "Проверьте идентификатор стенда (имя папки в stands/)"));
                continue;
            }
            Value values = values(row, index);
            if (values == null) {
                continue;
            }
            String key = switch (indicator) {
                case EXPERTS -> stand + "\n" + row.field(index[1]) + "\n" + row.field(index[2]);
                case AUTHORITIES -> stand + "\n" + row.field(index[1]);
                case VIEWS -> stand;
                default -> null;
            };
            if (key != null && !keys.add(key)) {
                problems.accept(Problem.error(file, row.line(), 1, duplicateCode(),
                        "Повторная строка: " + duplicateWhat(row, index) + " уже встречались выше; строка не учитывается",
                        "Оставьте одну строку для каждого сочетания"));
                continue;
            }
            byStand.computeIfAbsent(stand, s -> new ArrayList<>()).add(values);
        }
        Map<String, BigDecimal> raw = new TreeMap<>();
        byStand.forEach((stand, rows) -> {
            BigDecimal value = aggregate(rows);
            if (value != null) {
                raw.put(stand, value.setScale(4, RoundingMode.HALF_UP));
            }
        });
        return raw;
    }

    /** One valid row: the group it averages in (expert, source), its value and its weight (respondents). */
    private record Value(String group, BigDecimal value, BigDecimal weight) {
    }

    /** The row's numbers, or null after reporting a problem. */
    private Value values(CsvTable.Row row, int[] index) {
        BigDecimal v;
        switch (indicator) {
            case EXPERTS:
                v = score(row, index[3]);
                return v == null ? null : new Value(row.field(index[1]), v, BigDecimal.ONE);
            case AUTHORITIES:
                v = score(row, index[2]);
                return v == null ? null : new Value(row.field(index[1]), v, BigDecimal.ONE);
            case VIEWS:
                v = whole(row, index[1]);
                return v == null ? null : new Value("", v, BigDecimal.ONE);
            case SURVEYS:
                BigDecimal respondents = whole(row, index[1]);
                v = score(row, index[2]);
                return respondents == null || v == null ? null : new Value("", v, respondents);
            default:
                throw new IllegalStateException("votes come from the vote export");
        }
    }

    /**
     * Experts: mean over experts of each expert's mean over criteria (an expert who scored more criteria does not
     * weigh more). Authorities: mean over sources. Views: the value. Surveys: respondent-weighted mean score, or
     * no value when nobody answered.
     */
    private BigDecimal aggregate(List<Value> rows) {
        if (indicator == Indicator.SURVEYS) {
            BigDecimal people = rows.stream().map(Value::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (people.signum() == 0) {
                return null;
            }
            BigDecimal sum = rows.stream().map(r -> r.value().multiply(r.weight())).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            return sum.divide(people, 10, RoundingMode.HALF_UP);
        }
        Map<String, List<BigDecimal>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r.value()));
        List<BigDecimal> means = groups.values().stream().map(IndicatorFile::mean).toList();
        return mean(means);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }

    private BigDecimal score(CsvTable.Row row, int i) {
        String text = row.field(i).replace(',', '.').replaceAll("[\\s\u00A0]", "");
        if (!DECIMAL.matcher(text).matches() || new BigDecimal(text).compareTo(MAX_SCORE) > 0) {
            problems.accept(Problem.error(file, row.line(), row.column(i), "evaluation.score.range",
                    "Оценка «" + row.field(i) + "» должна быть числом от 0 до 10; строка не учитывается",
                    "Запишите оценку числом от 0 до 10, дробную часть — через запятую или точку (8,5)"));
            return null;
        }
        return new BigDecimal(text);
    }

    private BigDecimal whole(CsvTable.Row row, int i) {
        String text = row.field(i).replaceAll("[\\s\u00A0]", "");
        if (!WHOLE.matcher(text).matches() || text.length() > 15) {
            problems.accept(Problem.error(file, row.line(), row.column(i), "evaluation.count.format",
                    "Значение «" + row.field(i) + "» должно быть целым неотрицательным числом; строка не учитывается",
                    "Запишите число без дробной части и знаков, например 1250"));
            return null;
        }
        return new BigDecimal(text);
    }

    private String duplicateCode() {
        return switch (indicator) {
            case EXPERTS -> "evaluation.expert.duplicate";
            case AUTHORITIES -> "evaluation.source.duplicate";
            default -> "evaluation.stand.duplicate";
        };
    }

    private String duplicateWhat(CsvTable.Row row, int[] index) {
        return switch (indicator) {
            case EXPERTS -> "стенд «" + row.field(index[0]) + "», эксперт «" + row.field(index[1])
                    + "» и критерий «" + row.field(index[2]) + "»";
            case AUTHORITIES -> "стенд «" + row.field(index[0]) + "» и источник «" + row.field(index[1]) + "»";
            default -> "стенд «" + row.field(index[0]) + "»";
        };
    }
}
