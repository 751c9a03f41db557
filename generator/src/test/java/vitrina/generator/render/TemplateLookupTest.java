package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLookupTest {
    @TempDir Path tmp;

    @Test
    void listsCandidatesFromMostToLeastSpecific() {
        TemplateLookup lookup = new TemplateLookup(List.of());
        assertEquals(List.of("stand/section.peb", "stand/single.peb", "_default/single.peb"),
                lookup.candidates("stand/section"));
        assertEquals(List.of("stand/single.peb", "_default/single.peb"), lookup.candidates("stand/single"));
        assertEquals(List.of("region/term.peb", "region/list.peb", "_default/list.peb"),
                lookup.candidates("region/term"));
        assertEquals(List.of("region/terms.peb", "_default/terms.peb"), lookup.candidates("region/terms"));
        assertEquals(List.of("catalog/list.peb", "_default/list.peb"), lookup.candidates("catalog/list"));
        assertEquals(List.of("home.peb", "_default/single.peb"), lookup.candidates("home"));
    }

    @Test
    void triesEachNameInEveryThemeFolderBeforeTheNextName() {
        Path site = tmp.resolve("site");
        Path theme = tmp.resolve("theme");
        TemplateLookup lookup = new TemplateLookup(List.of(site, theme));
        assertEquals(List.of(
                site.resolve("templates/stand/section.peb"), theme.resolve("templates/stand/section.peb"),
                site.resolve("templates/stand/single.peb"), theme.resolve("templates/stand/single.peb"),
                site.resolve("templates/_default/single.peb"), theme.resolve("templates/_default/single.peb")),
                lookup.searchPath("stand/section"));
    }

    @Test
    void resolvesToTheMostSpecificNameFoundAndTheOverrideFolderFirst() throws IOException {
        Path site = tmp.resolve("site");
        Path theme = tmp.resolve("theme");
        write(theme, "_default/single.peb");
        write(theme, "stand/single.peb");
        write(site, "_default/single.peb");
        TemplateLookup lookup = new TemplateLookup(List.of(site, theme));
        assertEquals("stand/single.peb", lookup.resolve("stand/section"));
        assertEquals("_default/single.peb", lookup.resolve("page/single"));
        assertEquals(site.resolve("templates/_default/single.peb"), lookup.locate("_default/single.peb").orElseThrow());
        assertEquals(theme.resolve("templates/stand/single.peb"), lookup.locate("stand/single.peb").orElseThrow());
        assertEquals(true, lookup.locate("../secret.peb").isEmpty());
    }

    private static void write(Path themeDir, String name) throws IOException {
        Path file = themeDir.resolve("templates").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
    }
}
