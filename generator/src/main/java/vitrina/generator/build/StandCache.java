package vitrina.generator.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Severity;

/**
 * The expensive per-stand work (Markdown, photos, material texts) kept on disk between the passes of a build and
 * between builds: one file per stand under {@code cache/stands/}, valid while the stand's key is unchanged. This is
 * what lets a build hold only one stand's HTML per thread, and what lets a rebuild skip unchanged stands.
 */
final class StandCache {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final String generator;

    StandCache(Path dir, String generator) {
        this.dir = dir;
        this.generator = generator;
    }

    /** Changes whenever the stand's files, its folder name or the generator change. */
    String key(Stand stand) {
        return BuildKeys.sha256(generator + "\n" + stand.id().value() + "\n" + stand.version());
    }

    /** Whether a usable entry exists: the key matches and every photo variant is still in the image cache. */
    boolean has(Stand stand) {
        return head(stand).isPresent();
    }

    /** The small part of a valid entry (photos and problems), without the pages' HTML and texts. */
    Optional<Head> head(Stand stand) {
        Path file = headFile(stand);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StoredHead h = JSON.readValue(file.toFile(), StoredHead.class);
            if (!key(stand).equals(h.key())) {
                return Optional.empty();
            }
            Map<String, ImageSet> images = images(h.images());
            return images == null ? Optional.empty() : Optional.of(new Head(images, problems(h.problems())));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** Photo variants and problems of a prepared stand. */
    record Head(Map<String, ImageSet> images, List<Problem> problems) {
    }

    private static Map<String, ImageSet> images(Map<String, Images> stored) {
        Map<String, ImageSet> images = new TreeMap<>();
        for (Map.Entry<String, Images> i : stored.entrySet()) {
            List<ImageSet.Variant> variants = new ArrayList<>();
            for (Variant v : i.getValue().variants()) {
                Path f = Path.of(v.file());
                if (!Files.isRegularFile(f)) {
                    return null;
                }
                variants.add(new ImageSet.Variant(v.width(), v.height(), v.fileName(), f));
            }
            images.put(i.getKey(), new ImageSet(i.getValue().width(), i.getValue().height(), variants));
        }
        return images;
    }

    private static List<Problem> problems(List<StoredProblem> stored) {
        return stored.stream().map(p -> new Problem(p.file(), p.line(), p.column(),
                Severity.valueOf(p.severity()), p.code(), p.message(), p.hint(), p.standId())).toList();
    }

    Optional<Build.Prepared> read(Stand stand) {
        Path file = file(stand);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry e = JSON.readValue(file.toFile(), Entry.class);
            if (!key(stand).equals(e.key())) {
                return Optional.empty();
            }
            Map<String, ImageSet> images = images(e.images());
            if (images == null) {
                return Optional.empty();
            }
            List<Problem> problems = problems(e.problems());
            Map<String, vitrina.generator.render.StandContent.MaterialPreview> previews = new TreeMap<>();
            if (e.previews() != null) {
                for (Map.Entry<String, Preview> pv : e.previews().entrySet()) {
                    Path image = pv.getValue().image() == null ? null : Path.of(pv.getValue().image());
                    if (image != null && !Files.isRegularFile(image)) {
                        return Optional.empty(); // the material cache was cleaned: prepare again
                    }
                    previews.put(pv.getKey(), new vitrina.generator.render.StandContent.MaterialPreview(
                            pv.getValue().pages(), image));
                }
            }
            return Optional.of(new Build.Prepared(stand, new LinkedHashMap<>(e.sections()), images,
                    e.materialUrls(), e.materialTexts(), problems, previews));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty(); // a damaged entry is a miss: the stand is prepared again
        }
    }

    void write(Build.Prepared p) {
        Map<String, Images> images = new TreeMap<>();
        p.images().forEach((path, set) -> images.put(path, new Images(set.width(), set.height(),
                set.variants().stream().map(v -> new Variant(v.width(), v.height(), v.fileName(),
                        v.file().toAbsolutePath().toString())).toList())));
        List<StoredProblem> problems = p.problems().stream().map(x -> new StoredProblem(x.file(), x.line(),
                x.column(), x.severity().name(), x.code(), x.message(), x.hint(), x.standId())).toList();
        Map<String, Preview> previews = new TreeMap<>();
        p.previews().forEach((path, pv) -> previews.put(path, new Preview(pv.pages(),
                pv.image() == null ? null : pv.image().toAbsolutePath().toString())));
        Entry e = new Entry(key(p.stand()), p.sections(), images, p.materialUrls(), p.materialTexts(), problems,
                previews);
        Path file = file(p.stand());
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(headFile(p.stand())); // the head vouches for the full entry: never let it lag
            Path tmp = Files.createTempFile(dir, p.stand().id().value(), ".tmp");
            JSON.writeValue(tmp.toFile(), e);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path headTmp = Files.createTempFile(dir, p.stand().id().value(), ".tmp");
            JSON.writeValue(headTmp.toFile(), new StoredHead(e.key(), images, problems));
            Files.move(headTmp, headFile(p.stand()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the stand cache " + file, ex);
        }
    }

    /**
     * The stand's analyzed search documents stored by {@link #writeSearch}, when stored under the same key: the
     * stand's cache key and everything of the stand record the search documents are made of.
     */
    Optional<byte[]> search(Stand stand) {
        Path file = searchFile(stand);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] key = searchKey(stand).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (all.length <= key.length || all[key.length] != '\n'
                    || !java.util.Arrays.equals(all, 0, key.length, key, 0, key.length)) {
                return Optional.empty();
            }
            return Optional.of(java.util.Arrays.copyOfRange(all, key.length + 1, all.length));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    void writeSearch(Stand stand, byte[] analyzed) {
        byte[] key = (searchKey(stand) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(key, key.length + analyzed.length);
        System.arraycopy(analyzed, 0, all, key.length, analyzed.length);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, stand.id().value(), ".tmp");
            Files.write(tmp, all);
            Files.move(tmp, searchFile(stand), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the stand cache " + searchFile(stand), ex);
        }
    }

    private String searchKey(Stand stand) {
        return BuildKeys.sha256(key(stand) + "\n" + stand.id() + "\n" + stand.org() + "\n" + stand.nominations()
                + "\n" + stand.sections() + "\n" + stand.materials() + "\n" + stand.photos());
    }

    private Path searchFile(Stand stand) {
        return dir.resolve(stand.id().value() + ".search.bin");
    }

    private Path headFile(Stand stand) {
        return dir.resolve(stand.id().value() + ".head.json");
    }

    private Path file(Stand stand) {
        return dir.resolve(stand.id().value() + ".json");
    }

    record Entry(String key, Map<String, RenderedMarkdown> sections, Map<String, Images> images,
                 Map<String, String> materialUrls, Map<String, String> materialTexts, List<StoredProblem> problems,
                 Map<String, Preview> previews) {
    }

    record Preview(int pages, String image) {
    }

    record StoredHead(String key, Map<String, Images> images, List<StoredProblem> problems) {
    }

    record Images(int width, int height, List<Variant> variants) {
    }

    record Variant(int width, int height, String fileName, String file) {
    }

    record StoredProblem(String file, int line, int column, String severity, String code, String message,
                         String hint, String standId) {
    }
}
