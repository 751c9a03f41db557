package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeAssetsTest {
    @TempDir Path tmp;

    @Test
    void namesFilesByTheFirstEightHexDigitsOfTheirSha256() {
        // sha256("body{}") starts with the 8 hex digits below
        String name = ThemeAssets.fingerprinted("site.css", "body{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("site.", name.substring(0, 5));
        assertEquals(".css", name.substring(name.length() - 4));
        assertEquals(name, ThemeAssets.fingerprinted("site.css", "body{}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(name, ThemeAssets.fingerprinted("site.css", "body{ }".getBytes(StandardCharsets.UTF_8)));
        assertEquals("img/logo." + name.substring(5, 13) + ".css",
                ThemeAssets.fingerprinted("img/logo.css", "body{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("LICENSE." + name.substring(5, 13),
                ThemeAssets.fingerprinted("LICENSE", "body{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void overrideFolderWinsPerFileAndEveryAssetIsPublished() throws IOException {
        Path site = tmp.resolve("site");
        Path theme = tmp.resolve("theme");
        Files.createDirectories(site.resolve("assets"));
        Files.createDirectories(theme.resolve("assets/icons"));
        Files.writeString(site.resolve("assets/site.css"), "override");
        Files.writeString(theme.resolve("assets/site.css"), "theme");
        Files.writeString(theme.resolve("assets/site.js"), "js");
        Files.writeString(theme.resolve("assets/icons/star.svg"), "<svg/>");
        ThemeAssets assets = ThemeAssets.scan(List.of(site, theme));
        String css = assets.findUrl("site.css").orElseThrow();
        assertEquals("/assets/" + ThemeAssets.fingerprinted("site.css", "override".getBytes(StandardCharsets.UTF_8)),
                css);
        MemorySink sink = new MemorySink();
        assets.publish(sink);
        assertEquals("override", sink.text(css.substring(1)));
        assertEquals(3, sink.files().size());
        assertEquals("<svg/>", sink.text(assets.findUrl("icons/star.svg").orElseThrow().substring(1)));
        assertEquals(true, assets.findUrl("vote.js").isEmpty());
    }
}
