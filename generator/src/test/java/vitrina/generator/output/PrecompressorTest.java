package vitrina.generator.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecompressorTest {
    @TempDir
    Path dir;

    private static final String PAGE = "<p>Выставка творчески работающих коллективов</p>\n".repeat(40);

    @Test
    void writesDeterministicGzipSiblingsOfTextFilesOnly() throws Exception {
        Path out = dir.resolve("site");
        OutputManifest first;
        try (SiteWriter w = SiteWriter.staging(out).precompress(true)) {
            w.writeString("index.html", PAGE);
            w.write("gallery/a.jpg", PAGE.getBytes(StandardCharsets.UTF_8));
            w.writeString("tiny.css", "a{}");
            first = w.commit();
        }
        assertTrue(first.files().containsKey("index.html.gz"));
        assertFalse(first.files().containsKey("gallery/a.jpg.gz"), "images are compressed already");
        assertFalse(first.files().containsKey("tiny.css.gz"), "too small to be worth it");
        byte[] gz = Files.readAllBytes(out.resolve("index.html.gz"));
        assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8),
                new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
        try (SiteWriter w = SiteWriter.staging(out).precompress(true)) {
            w.writeString("index.html", PAGE);
            w.write("gallery/a.jpg", PAGE.getBytes(StandardCharsets.UTF_8));
            w.writeString("tiny.css", "a{}");
            assertEquals(first, w.commit(), "same input, same bytes (no timestamp in the gzip header)");
        }
    }

    @Test
    void inPlaceUpdatesKeepCompressAndDropSiblingsLikeACleanBuild() throws Exception {
        Path out = dir.resolve("site");
        OutputManifest plain;
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("a.html", PAGE);
            w.writeString("b.html", PAGE);
            plain = w.commit();
        }
        OutputManifest compressed;
        try (SiteWriter w = SiteWriter.staging(out, plain).precompress(true)) {
            w.writeString("a.html", PAGE);
            w.writeString("b.html", PAGE + "изменено");
            compressed = w.commit();
        }
        assertTrue(compressed.files().containsKey("a.html.gz"), "an unchanged file gets its sibling too");
        assertTrue(compressed.files().containsKey("b.html.gz"));
        assertArrayEquals((PAGE + "изменено").getBytes(StandardCharsets.UTF_8), new GZIPInputStream(
                new ByteArrayInputStream(Files.readAllBytes(out.resolve("b.html.gz")))).readAllBytes());
        Object kept = Files.getAttribute(out.resolve("a.html.gz"), "unix:ino");
        OutputManifest again;
        try (SiteWriter w = SiteWriter.staging(out, compressed).precompress(true)) {
            w.writeString("a.html", PAGE);
            w.writeString("b.html", PAGE);
            again = w.commit();
        }
        assertEquals(kept, Files.getAttribute(out.resolve("a.html.gz"), "unix:ino"), "unchanged sibling stays");
        assertEquals(again.files().get("a.html.gz"), again.files().get("b.html.gz"));
        try (SiteWriter w = SiteWriter.staging(out, again)) {
            w.writeString("a.html", PAGE);
            w.commit();
        }
        try (var files = Files.list(out)) {
            assertEquals(java.util.List.of("a.html"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void unchangedFilesAreHardLinkedFromThePreviousSite() throws Exception {
        Path out = dir.resolve("site");
        OutputManifest previous;
        try (SiteWriter w = SiteWriter.staging(out)) {
            w.writeString("same.html", "одинаковое");
            w.writeString("changed.html", "было");
            previous = w.commit();
        }
        Object sameInode = Files.getAttribute(out.resolve("same.html"), "unix:ino");
        try (SiteWriter w = SiteWriter.staging(out, previous)) {
            w.writeString("same.html", "одинаковое");
            w.writeString("changed.html", "стало");
            assertEquals(1, w.linkedCount());
            w.commit();
        }
        assertEquals(sameInode, Files.getAttribute(out.resolve("same.html"), "unix:ino"));
        assertEquals("стало", Files.readString(out.resolve("changed.html")));
    }
}
