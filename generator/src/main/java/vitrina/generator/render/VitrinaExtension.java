package vitrina.generator.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filters and functions Vitrina's templates use. Every filter is registered with a runnable example
 * (STYLE rule 15); {@code VitrinaExtensionTest} renders each example through a real PebbleEngine.
 */
final class VitrinaExtension extends AbstractExtension {
    /** A template snippet, the variables it reads and the exact output it must give. */
    record Example(String filter, String template, Map<String, Object> context, String expected) {
    }

    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final List<Example> examples = new ArrayList<>();
    private final ThemeAssets assets;

    VitrinaExtension(ThemeAssets assets) {
        this.assets = Objects.requireNonNull(assets, "assets");
        filter("plural", new PluralFilter(),
                example("plural", "{{ 3 | plural('стенд','стенда','стендов') }}", Map.of(), "3 стенда"),
                example("plural", "{{ 21 | plural('регион','региона','регионов') }}", Map.of(), "21 регион"),
                example("plural", "{{ 12 | plural('материал','материала','материалов') }}", Map.of(),
                        "12 материалов"),
                example("plural", "{{ 49312 | plural('участник','участника','участников') }}", Map.of(),
                        "49\u00A0312 участников"));
        filter("filesize", simple(v -> RussianFormat.fileSize(((Number) v).longValue())),
                example("filesize", "{{ 1258291 | filesize }}", Map.of(), "1,2 МБ"),
                example("filesize", "{{ 348160 | filesize }}", Map.of(), "340 КБ"),
                example("filesize", "{{ 900 | filesize }}", Map.of(), "900 Б"));
        filter("ruDate", simple(v -> RussianFormat.date((LocalDate) v)),
                example("ruDate", "{{ d | ruDate }}", Map.of("d", LocalDate.of(2026, 3, 17)), "17 марта 2026 г."));
        filter("decimal", simple(v -> String.valueOf(v).replace('.', ',')),
                example("decimal", "{{ '0.8275' | decimal }}", Map.of(), "0,8275"),
                example("decimal", "{{ 12 | decimal }}", Map.of(), "12"));
    }

    private void filter(String name, Filter filter, Example... withExamples) {
        filters.put(name, filter);
        examples.addAll(List.of(withExamples));
    }

    private static Example example(String filter, String template, Map<String, Object> context, String expected) {
        return new Example(filter, template, context, expected);
    }

    List<Example> examples() {
        return List.copyOf(examples);
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.copyOf(filters);
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("asset", new AssetFunction());
    }

    /** {@code asset('site.css')} → {@code /assets/site.3f9a2c1e.css}, or null when the theme has no such file. */
    private final class AssetFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("name");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return assets.findUrl(String.valueOf(args.get("name"))).orElse(null);
        }
    }

    /** {@code n | plural(one, few, many)} → «n form». */
    private static final class PluralFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("one", "few", "many");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            long n = input instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(input));
            return RussianFormat.plural(n, (String) args.get("one"), (String) args.get("few"),
                    (String) args.get("many"));
        }
    }

    private static Filter simple(java.util.function.Function<Object, String> body) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                EvaluationContext context, int line) {
                return input == null ? null : body.apply(input);
            }
        };
    }
}
