package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VitrinaExtensionTest {
    @TempDir Path tmp;

    private String render(VitrinaExtension ext, String template, Map<String, Object> context) throws IOException {
        PebbleEngine engine = new PebbleEngine.Builder().loader(new StringLoader()).extension(ext).build();
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, new HashMap<>(context));
        return out.toString();
    }

    @Test
    void everyRegisteredExampleRendersItsExpectedOutput() throws IOException {
        VitrinaExtension ext = new VitrinaExtension(ThemeAssets.scan(List.of()));
        assertFalse(ext.examples().isEmpty());
        for (VitrinaExtension.Example example : ext.examples()) {
            assertEquals(example.expected(), render(ext, example.template(), example.context()), example.template());
        }
    }

    @Test
    void everyFilterHasAtLeastOneExample() {
        VitrinaExtension ext = new VitrinaExtension(ThemeAssets.scan(List.of()));
        Set<String> withExamples = ext.examples().stream().map(VitrinaExtension.Example::filter)
                .collect(Collectors.toSet());
        assertEquals(ext.getFilters().keySet(), withExamples);
    }

    @Test
    void assetFunctionGivesTheFingerprintedUrlOrNull() throws IOException {
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme.resolve("assets"));
        Files.writeString(theme.resolve("assets/site.css"), "body{}");
        VitrinaExtension ext = new VitrinaExtension(ThemeAssets.scan(List.of(theme)));
        String url = render(ext, "{{ asset('site.css') }}", Map.of());
        assertTrue(url.matches("/assets/site\\.[0-9a-f]{8}\\.css"), url);
        assertEquals("none", render(ext, "{% if asset('vote.js') is null %}none{% endif %}", Map.of()));
    }
}
