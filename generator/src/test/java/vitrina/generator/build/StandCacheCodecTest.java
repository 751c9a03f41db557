package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.RenderedMarkdown;

class StandCacheCodecTest {
    @TempDir
    Path dir;

    @Test
    void anEntryReadsBackEqualIncludingNullsAndEmptyStrings() throws IOException {
        Map<String, RenderedMarkdown> sections = new LinkedHashMap<>();
        sections.put("index", new RenderedMarkdown("<h1 id=\"o-nas\">О нас 😀</h1>", "О нас 😀",
                List.of(new RenderedMarkdown.Heading(1, "o-nas", "О нас 😀"))));
        sections.put("methods", new RenderedMarkdown("", "", List.of()));
        Map<String, StandCache.Images> images = new TreeMap<>(Map.of("gallery/a.jpg", new StandCache.Images(1600, 1200,
                List.of(new StandCache.Variant(320, 240, "a-320.jpg", "/cache/images/ab/a-320.jpg")))));
        List<StandCache.StoredProblem> problems = List.of(new StandCache.StoredProblem("stands/x/index.md", 3, 0,
                "WARNING", "link.broken", "Ссылка «x» никуда не ведёт", null, "x"));
        Map<String, StandCache.Preview> previews = new TreeMap<>(Map.of("files/a.pdf", new StandCache.Preview(12, null),
                "files/b.pdf", new StandCache.Preview(3, "/cache/materials/b.png")));
        StandCache.Entry entry = new StandCache.Entry("key", sections, images,
                new TreeMap<>(Map.of("files/a.pdf", "/stands/x/files/a.pdf")), new TreeMap<>(Map.of("files/a.pdf", "текст")),
                problems, previews);
        Path file = dir.resolve("x.stand");
        StandCache.Codec.writeEntry(file, entry);
        StandCache.Entry back = StandCache.Codec.readEntry(file);
        assertEquals(entry, back);
        assertEquals(List.of("index", "methods"), List.copyOf(back.sections().keySet()), "section order kept");

        // for rendering pages: the same entry without the texts only search analysis reads
        StandCache.Entry forPages = StandCache.Codec.readEntry(file, false);
        Map<String, RenderedMarkdown> withoutPlain = new LinkedHashMap<>();
        sections.forEach((slug, md) -> withoutPlain.put(slug, new RenderedMarkdown(md.html(), "", md.headings())));
        assertEquals(new StandCache.Entry("key", withoutPlain, images, entry.materialUrls(), Map.of(), problems,
                previews), forPages);

        StandCache.StoredHead head = new StandCache.StoredHead("key", images, problems);
        assertEquals(head, StandCache.Codec.readHead(StandCache.Codec.head(head)));
    }

    @Test
    void aTruncatedOrForeignFileIsAnIoException() throws IOException {
        Path file = dir.resolve("x.stand");
        StandCache.Codec.writeEntry(file, new StandCache.Entry("key", Map.of("index",
                new RenderedMarkdown("<p>текст</p>", "текст", List.of())), Map.of(), Map.of(), Map.of(), List.of(),
                Map.of()));
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 5));
        assertThrows(IOException.class, () -> StandCache.Codec.readEntry(file));
        Files.writeString(file, "{\"key\":\"json from an older version\"}");
        assertThrows(IOException.class, () -> StandCache.Codec.readEntry(file));
    }
}
