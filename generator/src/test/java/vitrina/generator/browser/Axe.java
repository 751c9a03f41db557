package vitrina.generator.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import vitrina.generator.TestSites;

/**
 * Runs axe-core (installed by npm under generator/browser-tools/) inside the open page with the WCAG 2.0 and 2.1
 * level A and AA rules, and describes each violation in a readable line per element.
 */
final class Axe {
    static final Path SCRIPT = TestSites.projectRoot()
            .resolve("generator/browser-tools/node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(function (r) { done(JSON.stringify(r.violations)); })
               .catch(function (e) { done(JSON.stringify({error: String(e)})); });
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    static Axe load() {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("axe-core is not installed: cd generator/browser-tools && npm ci"
                    + " (.ci/run does it)");
        }
        try {
            return new Axe(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations on the current page, one readable line per failing element; empty when the page passes. */
    List<String> violations(JavascriptExecutor page) {
        page.executeScript(source);
        String json = (String) page.executeAsyncScript(RUN);
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root.has("error")) {
                throw new IllegalStateException("axe failed: " + root.get("error").asText());
            }
            List<String> out = new ArrayList<>();
            for (JsonNode rule : root) {
                for (JsonNode node : rule.get("nodes")) {
                    out.add(rule.get("id").asText() + " [" + rule.path("impact").asText() + "] "
                            + rule.get("help").asText() + "\n      at " + node.get("target") + "\n      "
                            + node.path("html").asText() + "\n      "
                            + node.path("failureSummary").asText().replace("\n", "\n      "));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
