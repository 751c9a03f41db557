package vitrina.generator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and ordinary uploads, each archive made by the test itself. */
class UploadIngestTest {
    @TempDir
    Path dir;
    Path uploads;
    Path content;
    Path quarantine;

    private static final String STAND_YAML = "name: \"Школа № 1\"\nshort_name: \"Школа № 1\"\n";

    @BeforeEach
    void folders() throws IOException {
        uploads = Files.createDirectories(dir.resolve("uploads"));
        content = Files.createDirectories(dir.resolve("content"));
        quarantine = dir.resolve("quarantine");
    }

    private IngestReport ingest() throws IOException {
        return new UploadIngest(IngestLimits.DEFAULT).ingest(uploads, content, quarantine);
    }

    /** Writes a zip; each pair is name, content (null content = symbolic link to /etc/passwd). */
    private Path zip(String zipName, Charset names, boolean utf8Flag, String... pairs) throws IOException {
        Path zip = uploads.resolve(zipName);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.setEncoding(names.name());
            out.setUseLanguageEncodingFlag(utf8Flag);
            out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (int i = 0; i < pairs.length; i += 2) {
                ZipArchiveEntry e = new ZipArchiveEntry(pairs[i]);
                byte[] body = pairs[i + 1] == null ? "/etc/passwd".getBytes(StandardCharsets.UTF_8)
                        : pairs[i + 1].getBytes(StandardCharsets.UTF_8);
                if (pairs[i + 1] == null) {
                    e.setUnixMode(UnixStat.LINK_FLAG | 0777);
                }
                out.putArchiveEntry(e);
                out.write(body);
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    private void assertQuarantined(IngestReport r, String upload, String code) throws IOException {
        assertEquals(1, r.rejected().size(), r::toString);
        assertEquals(code, r.rejected().get(0).code(), r.rejected().get(0)::toString);
        assertTrue(Files.exists(quarantine.resolve(upload)), "the upload is kept in quarantine");
        String report = Files.readString(quarantine.resolve(upload + ".report.txt"));
        assertTrue(report.contains(r.rejected().get(0).message()), report);
        assertFalse(Files.exists(uploads.resolve(upload)));
    }

    @Test
    void acceptsAZipWithTheStandInsideAFolderAndMovesTheUploadToProcessed() throws IOException {
        zip("upload.zip", StandardCharsets.UTF_8, true,
                "shkola-1/stand.yaml", STAND_YAML, "shkola-1/index.md", "# О школе\n", "shkola-1/files/plan.pdf", "%PDF");
        IngestReport r = ingest();
        assertEquals("shkola-1", r.accepted().get(0).standId());
        assertEquals(STAND_YAML, Files.readString(content.resolve("stands/shkola-1/stand.yaml")));
        assertTrue(Files.exists(content.resolve("stands/shkola-1/files/plan.pdf")));
        assertTrue(Files.exists(uploads.resolve("processed/upload.zip")));
    }

    @Test
    void refusesZipSlip() throws IOException {
        zip("slip.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML, "../../evil.txt", "x");
        assertQuarantined(ingest(), "slip.zip", "ingest.zip.traversal");
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertFalse(Files.exists(content.resolve("stands")) && Files.list(content.resolve("stands")).findAny().isPresent());
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        zip("abs.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML, "/tmp/evil.txt", "x");
        assertQuarantined(ingest(), "abs.zip", "ingest.zip.absolute");
    }

    @Test
    void refusesSymbolicLinksInsideZips() throws IOException {
        zip("link.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML, "files/passwd", null);
        assertQuarantined(ingest(), "link.zip", "ingest.zip.symlink");
    }

    @Test
    void refusesSymbolicLinksInsideDroppedFolders() throws IOException {
        Path folder = Files.createDirectories(uploads.resolve("shkola-2"));
        Files.writeString(folder.resolve("stand.yaml"), STAND_YAML);
        Files.createSymbolicLink(folder.resolve("secret"), Path.of("/etc/passwd"));
        assertQuarantined(ingest(), "shkola-2", "ingest.symlink");
    }

    @Test
    void refusesAZipBombByItsExpansionRatioWithoutWritingItAll() throws IOException {
        Path zip = uploads.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.putArchiveEntry(new ZipArchiveEntry("stand.yaml"));
            out.write(STAND_YAML.getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("files/zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                out.write(zeros);
            }
            out.closeArchiveEntry();
        }
        assertTrue(Files.size(zip) < 200_000, "40 MB of zeros compress to a few dozen KB");
        assertQuarantined(ingest(), "bomb.zip", "ingest.zip.bomb");
    }

    @Test
    void refusesACorruptArchive() throws IOException {
        Files.write(uploads.resolve("broken.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5});
        assertQuarantined(ingest(), "broken.zip", "ingest.zip.corrupt");
    }

    @Test
    void refusesAnUploadWithoutStandYaml() throws IOException {
        zip("nostand.zip", StandardCharsets.UTF_8, true, "index.md", "# x\n");
        assertQuarantined(ingest(), "nostand.zip", "ingest.no-stand-yaml");
    }

    @Test
    void readsCyrillicNamesFromWindowsZipsWithoutTheUtf8Flag() throws IOException {
        zip("gimnaziya-5.zip", Charset.forName("IBM866"), false,
                "stand.yaml", STAND_YAML, "index.md", "# Гимназия\n", "files/Рабочая программа.pdf", "%PDF");
        IngestReport r = ingest();
        assertEquals(1, r.accepted().size(), r::toString);
        assertTrue(Files.exists(content.resolve("stands/gimnaziya-5/files/Рабочая программа.pdf")));
    }

    @Test
    void readsUtf8NamesWithoutTheFlagAsMacOsWritesThem() throws IOException {
        zip("lyceum-2.zip", StandardCharsets.UTF_8, false, "stand.yaml", STAND_YAML, "gallery/Фото.jpg", "x");
        ingest();
        assertTrue(Files.exists(content.resolve("stands/lyceum-2/gallery/Фото.jpg")));
    }

    @Test
    void convertsWindows1251AndUtf16TextFilesToUtf8() throws IOException {
        Path folder = Files.createDirectories(uploads.resolve("shkola-3"));
        Files.write(folder.resolve("stand.yaml"), STAND_YAML.getBytes("windows-1251"));
        byte[] utf16 = "# Проекты\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(folder.resolve("projects.md"), withBom);
        IngestReport r = ingest();
        assertEquals(STAND_YAML, Files.readString(content.resolve("stands/shkola-3/stand.yaml")));
        assertEquals("# Проекты\n", Files.readString(content.resolve("stands/shkola-3/projects.md")));
        assertTrue(r.accepted().get(0).notes().stream().anyMatch(n -> n.contains("Windows-1251")), r::toString);
    }

    @Test
    void transliteratesACyrillicUploadNameIntoTheStandId() throws IOException {
        zip("Гимназия №5.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML);
        assertEquals("gimnaziya-5", ingest().accepted().get(0).standId());
    }

    @Test
    void keepsTheReplacedWorkingFolderInsteadOfDeletingIt() throws IOException {
        Path old = Files.createDirectories(content.resolve("stands/shkola-4"));
        Files.writeString(old.resolve("index.md"), "old");
        zip("shkola-4.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML, "index.md", "new");
        ingest();
        assertEquals("new", Files.readString(content.resolve("stands/shkola-4/index.md")));
        assertEquals("old", Files.readString(uploads.resolve("replaced/shkola-4/index.md")));
    }

    @Test
    void writesNothingOutsideItsFoldersForAnyHostileUpload() throws IOException {
        zip("a.zip", StandardCharsets.UTF_8, true, "stand.yaml", STAND_YAML, "..\\..\\evil.txt", "x");
        IngestReport r = ingest();
        assertEquals(1, r.rejected().size());
        try (var s = Files.list(dir)) {
            assertEquals(java.util.Set.of("uploads", "content", "quarantine"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        OutputStream unused = OutputStream.nullOutputStream();
        unused.close();
    }
}
