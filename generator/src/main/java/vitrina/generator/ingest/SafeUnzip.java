package vitrina.generator.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip into an empty folder, refusing anything that could escape it or exhaust the disk: absolute paths,
 * {@code ..}, drive letters, symbolic links, more entries or bytes than the limits allow, or an expansion ratio
 * typical of zip bombs. Sizes are counted as bytes are written, not taken from the archive's headers.
 */
final class SafeUnzip {
    private final IngestLimits limits;

    SafeUnzip(IngestLimits limits) {
        this.limits = limits;
    }

    /** @return the number of files written */
    int extract(Path zipFile, Path target) throws IngestException, IOException {
        long archiveSize = Math.max(Files.size(zipFile), 1);
        List<ZipArchiveEntry> entries;
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).setCharset("IBM866").setUseUnicodeExtraFields(true).get()) {
            entries = Collections.list(zip.getEntriesInPhysicalOrder());
            if (entries.size() > limits.maxEntries()) {
                throw new IngestException("ingest.zip.entries", "В архиве " + entries.size()
                        + " файлов и папок — больше допустимых " + limits.maxEntries(),
                        "Уберите лишние файлы или разделите материалы на несколько архивов");
            }
            long total = 0;
            int files = 0;
            Set<String> seen = new HashSet<>();
            byte[] buffer = new byte[64 * 1024];
            for (ZipArchiveEntry entry : entries) {
                String name = name(entry);
                if (entry.isUnixSymlink()) {
                    throw new IngestException("ingest.zip.symlink", "Архив содержит символическую ссылку «" + name + "»",
                            "Положите в архив сами файлы, а не ссылки на них");
                }
                Path out = safeTarget(target, name);
                if (!seen.add(out.toString().toLowerCase(Locale.ROOT))) {
                    throw new IngestException("ingest.zip.duplicate", "Файл «" + name + "» встречается в архиве дважды",
                            "Оставьте в архиве один файл с этим именем");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                long written = 0;
                try (InputStream in = zip.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        written += n;
                        total += n;
                        if (written > limits.maxFileBytes()) {
                            throw new IngestException("ingest.zip.file-too-large", "Файл «" + name + "» в распакованном виде больше "
                                    + (limits.maxFileBytes() >> 20) + " МБ", "Уменьшите файл или разбейте его на части");
                        }
                        if (total > limits.maxTotalBytes() || total / (double) archiveSize > limits.maxRatio()) {
                            throw new IngestException("ingest.zip.bomb", "Архив распаковывается в слишком большой объём ("
                                    + (total >> 20) + " МБ и более из " + Math.max(archiveSize >> 10, 1)
                                    + " КБ): похоже на «zip-бомбу» или повреждённый архив",
                                    "Проверьте архив: в нём должны быть только материалы стенда общим объёмом до "
                                            + (limits.maxTotalBytes() >> 20) + " МБ");
                        }
                        os.write(buffer, 0, n);
                    }
                }
                files++;
            }
            return files;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io && io.getClass().getName().startsWith("java.nio.file")) {
                throw io;
            }
            throw new IngestException("ingest.zip.corrupt", "Архив повреждён или это не ZIP: " + e.getMessage(),
                    "Создайте архив заново (формат ZIP) и загрузите его ещё раз");
        }
    }

    private static String name(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesUTF8ForNames() || entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            return entry.getName();
        }
        return NameDecoder.decode(entry.getRawName(), false);
    }

    /** Refuses names that could land outside {@code target}. */
    static Path safeTarget(Path target, String name) throws IngestException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0")) {
            throw new IngestException("ingest.zip.absolute", "Архив содержит абсолютный путь «" + name + "»",
                    "Пути внутри архива должны быть относительными: stand.yaml, files/…, gallery/…");
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw new IngestException("ingest.zip.traversal", "Путь «" + name + "» выходит за пределы архива (..)",
                        "Пересоздайте архив из папки стенда без «..» в путях");
            }
        }
        Path out = target.resolve(n).normalize();
        if (!out.startsWith(target)) {
            throw new IngestException("ingest.zip.traversal", "Путь «" + name + "» выходит за пределы архива",
                    "Пересоздайте архив из папки стенда");
        }
        return out;
    }
}
