package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;
import vitrina.generator.cli.Main;

/** A whole moderation round from the command line: ingest → check → approve → build → edit → build → approve → build. */
class ModerationRoundTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int vitrina(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    private String standPage(String id) throws Exception {
        return Files.readString(dir.resolve("site-output/stands/" + id + "/index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void onlyApprovedVersionsArePublishedAcrossRounds() throws Exception {
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Files.delete(content.resolve("moderation.yaml"));
        String existing;
        try (var s = Files.list(content.resolve("stands"))) {
            existing = s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        // a school uploads a new stand as a zip (copy of an existing one, new text)
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Path source = content.resolve("stands").resolve(existing);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(uploads.resolve("novaya-shkola.zip")));
             var files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putArchiveEntry(new ZipArchiveEntry("novaya-shkola/" + source.relativize(f).toString().replace('\\', '/')));
                byte[] bytes = Files.readAllBytes(f);
                if (f.getFileName().toString().equals("index.md")) {
                    bytes = (new String(bytes, StandardCharsets.UTF_8) + "\nПервая версия новой школы.\n").getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
                zip.closeArchiveEntry();
            }
        }
        String[] common = {"--content", content.toString()};
        String[] build = {"build", "--quiet", "--content", content.toString(), "--out", dir.resolve("site-output").toString(),
            "--default-theme", TestSites.defaultTheme().toString()};

        assertEquals(0, vitrina("ingest", uploads.toString(), "--content", content.toString()), out::toString);
        assertEquals(0, vitrina("check", "--stand", "novaya-shkola", "--content", content.toString()), out::toString);

        // round 1: approve everything
        assertEquals(0, vitrina("moderate", "round", "--date", "2026-09-10", common[0], common[1]), out::toString);
        try (var s = Files.list(content.resolve("stands"))) {
            for (String id : s.map(p -> p.getFileName().toString()).sorted().toList()) {
                assertEquals(0, vitrina("moderate", "approve", id, common[0], common[1]), out::toString);
            }
        }
        vitrina(build);
        assertTrue(standPage("novaya-shkola").contains("Первая версия новой школы."));

        // the school edits its stand after approval: the approved version stays public
        Path index = content.resolve("stands/novaya-shkola/index.md");
        Files.writeString(index, Files.readString(index).replace("Первая версия новой школы.", "Неодобренная правка."));
        vitrina(build);
        assertTrue(standPage("novaya-shkola").contains("Первая версия новой школы."));
        assertFalse(standPage("novaya-shkola").contains("Неодобренная правка."));

        out.getBuffer().setLength(0);
        vitrina("moderate", "list", common[0], common[1]);
        assertTrue(out.toString().contains("novaya-shkola — изменён после одобрения: изменено: index.md"), out::toString);

        // requesting changes keeps the approved version on the site
        vitrina("moderate", "request-changes", "novaya-shkola", "--comment", "Добавьте фото", common[0], common[1]);
        vitrina(build);
        assertTrue(standPage("novaya-shkola").contains("Первая версия новой школы."));

        // even deleting the working folder does not lose the approved stand
        TestSitesDelete.tree(content.resolve("stands/novaya-shkola"));
        vitrina(build);
        assertTrue(standPage("novaya-shkola").contains("Первая версия новой школы."));

        // round 2: the school re-uploads, the organizer approves, the new version is public
        Files.createDirectories(content.resolve("stands/novaya-shkola"));
        TestSites.copy(source, content.resolve("stands/novaya-shkola"));
        Files.writeString(index, Files.readString(index) + "\nВторая, одобренная версия.\n");
        vitrina("moderate", "approve", "novaya-shkola", common[0], common[1]);
        vitrina(build);
        assertTrue(standPage("novaya-shkola").contains("Вторая, одобренная версия."));

        // a rejected stand disappears
        vitrina("moderate", "reject", "novaya-shkola", "--comment", "Не по теме", common[0], common[1]);
        vitrina(build);
        assertFalse(Files.exists(dir.resolve("site-output/stands/novaya-shkola")));
        String moderation = Files.readString(content.resolve("moderation.yaml"));
        assertTrue(moderation.contains("novaya-shkola: { status: rejected, comment: \"Не по теме\" }"), moderation);
    }
}
