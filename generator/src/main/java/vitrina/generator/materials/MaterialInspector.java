package vitrina.generator.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import vitrina.generator.model.Material;
import vitrina.generator.problem.Problem;

/** Extracts text, page count and a PDF first-page preview from a material; cached by content hash. Thread-safe. */
public final class MaterialInspector {
    /** Extracted text beyond this many characters is dropped (a text bomb cannot fill the index). */
    static final int MAX_CHARS = 1_000_000;
    /** Larger files are not opened at all. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private final Path cacheDir;

    public MaterialInspector(Path cacheDir) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** Never throws for a bad document: a corrupt, encrypted or bomb file gives a warning and an empty info. */
    public MaterialInfo inspect(Material material, String file, Consumer<Problem> problems) {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problems, "problems");
        String hash = material.sha256() == null || material.sha256().length() < 16 ? sha256(material.source())
                : material.sha256();
        Path dir = cacheDir.resolve("materials");
        Path text = dir.resolve(hash + ".txt");
        Path meta = dir.resolve(hash + ".meta");
        Path preview = dir.resolve(hash + ".png");
        try {
            if (!Files.exists(meta)) {
                Files.createDirectories(dir);
                Extraction e = extract(material, preview);
                writeAtomically(text, e.text().getBytes(StandardCharsets.UTF_8));
                writeAtomically(meta, (e.pages() + "\n" + e.problemCode() + "\n" + e.problemMessage())
                        .getBytes(StandardCharsets.UTF_8));
            }
            String[] lines = Files.readString(meta, StandardCharsets.UTF_8).split("\n", 3);
            if (!lines[1].isEmpty()) {
                problems.accept(problem(file, lines[1], lines.length > 2 ? lines[2] : ""));
                return new MaterialInfo("", 0, null);
            }
            return new MaterialInfo(Files.readString(text, StandardCharsets.UTF_8), Integer.parseInt(lines[0]),
                    Files.exists(preview) ? preview : null);
        } catch (IOException e) {
            throw new UncheckedIOException("material cache " + dir + " is not writable", e);
        }
    }

    private static Extraction extract(Material material, Path preview) {
        String name = material.path().toLowerCase(Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        try {
            if (Files.size(material.source()) > MAX_BYTES) {
                return Extraction.failed("material.bomb", "файл слишком велик для извлечения текста");
            }
            return switch (ext) {
                case "pdf" -> PdfExtractor.extract(material.source(), preview);
                case "docx", "pptx", "xlsx" -> OoxmlExtractor.extract(material.source(), ext);
                case "odt", "odp", "ods" -> OdfExtractor.extract(material.source());
                case "rtf" -> PlainExtractor.rtf(material.source());
                case "txt" -> PlainExtractor.txt(material.source());
                default -> new Extraction("", 0, "", "");
            };
        } catch (RuntimeException | IOException e) {
            return Extraction.failed("material.corrupt", String.valueOf(e.getMessage()));
        }
    }

    private static Problem problem(String file, String code, String detail) {
        return switch (code) {
            case "material.encrypted" -> Problem.warning(file, 0, 0, code,
                    "Документ защищён паролем или запретом на копирование текста; он не попадёт в поиск",
                    "Сохраните документ без пароля и ограничений и загрузите снова");
            case "material.bomb" -> Problem.warning(file, 0, 0, code,
                    "Документ слишком велик или подозрительно сжат (" + detail + "); текст не извлечён",
                    "Уменьшите документ или разделите его на несколько файлов");
            default -> Problem.warning(file, 0, 0, "material.corrupt",
                    "Документ повреждён или не читается (" + detail + "); он не попадёт в поиск",
                    "Откройте файл на компьютере, пересохраните его в PDF и загрузите снова");
        };
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "tmp", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * @param text    extracted plain text ("" when none)
     * @param pages   page (or slide) count, 0 when unknown
     * @param preview PNG of the first page in the cache, or null
     */
    public record MaterialInfo(String text, int pages, Path preview) {
    }
}
