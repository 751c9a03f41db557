package vitrina.generator.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vitrina.generator.model.Material;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Translit;

/**
 * Turns the files of a stand folder into materials and photos, and checks every path stand.yaml refers to
 * (logo, cover, materials, gallery_captions): it must stay inside the stand folder and the file must exist.
 * A file of a type that is not allowed is skipped with a warning (the rest of the stand still publishes).
 */
final class StandMedia {
    static final List<String> MATERIAL_TYPES = List.of("pdf", "docx", "doc", "pptx", "ppt", "xlsx", "odt", "odp", "rtf", "txt", "zip");
    static final List<String> IMAGE_TYPES = List.of("jpg", "jpeg", "png", "gif", "webp");

    private final StandFolder folder;
    private final String relDir;
    private final Issues issues;
    private final Issues.At yaml;

    StandMedia(StandFolder folder, String relDir, Issues issues) {
        this.folder = folder;
        this.relDir = relDir;
        this.issues = issues;
        this.yaml = issues.in(relDir + "/stand.yaml");
    }

    /** Materials, photos, logo and cover of the stand. */
    record Result(List<Material> materials, List<Photo> photos, Photo logo, Photo cover) {
    }

    Result build(StandFile stand) {
        TreeMap<String, StandFolder.FileInfo> materialFiles = new TreeMap<>();
        TreeMap<String, StandFolder.FileInfo> photoFiles = new TreeMap<>();
        for (StandFolder.FileInfo f : folder.files().values()) {
            classify(f, materialFiles, photoFiles);
        }
        Map<String, StandFile.MaterialEntry> entries = new HashMap<>();
        for (StandFile.MaterialEntry e : stand.materials()) {
            resolve(e.file(), "materials.file").ifPresent(path -> {
                if (!materialFiles.containsKey(path)) {
                    yaml.error(e.file().line(), e.file().column(), "stand.material.not-in-files", "Поле «materials.file»: «" + path
                            + "» — не материал из папки files/.", "Укажите файл из папки files/ одного из типов: " + String.join(", ", MATERIAL_TYPES) + ".");
                } else {
                    entries.put(path, e);
                }
            });
        }
        Map<String, String> captions = new HashMap<>();
        stand.captions().forEach((key, caption) -> resolve(new StandFile.Ref(key, caption.line(), caption.column()), "gallery_captions")
                .ifPresent(path -> captions.put(path, caption.value())));
        Optional<String> logoPath = image(stand.logo(), "logo");
        Optional<String> coverPath = image(stand.cover(), "cover");

        List<Material> materials = new ArrayList<>();
        Set<String> urlNames = new HashSet<>();
        for (StandFolder.FileInfo f : materialFiles.values()) {
            materials.add(material(f, entries.get(f.path()), urlNames));
        }
        TreeMap<String, StandFolder.FileInfo> images = new TreeMap<>(photoFiles);
        logoPath.ifPresent(p -> images.put(p, folder.files().get(p)));
        coverPath.ifPresent(p -> images.put(p, folder.files().get(p)));
        Map<String, Photo> byPath = new HashMap<>();
        Set<String> photoNames = new HashSet<>();
        List<Photo> photos = new ArrayList<>();
        for (StandFolder.FileInfo f : images.values()) {
            String base = baseName(fileName(f.path()));
            String url = unique(Optional.of(Translit.slug(base)).filter(s -> !s.isEmpty()).orElse("photo"), "", photoNames);
            Photo photo = new Photo(f.path(), f.source(), url, captions.getOrDefault(f.path(), ""), f.sha256());
            byPath.put(f.path(), photo);
            if (photoFiles.containsKey(f.path())) {
                photos.add(photo);
                if (photo.caption().isEmpty()) {
                    issues.in(relDir + "/" + f.path()).warning(0, 0, "stand.photo.caption.missing", "У фотографии «" + f.path() + "» нет подписи.",
                            "Добавьте подпись в stand.yaml: gallery_captions: { " + f.path() + ": \"Что на снимке\" } — "
                                    + "её прочитают незрячие посетители.");
                }
            }
        }
        return new Result(materials, photos, logoPath.map(byPath::get).orElse(null), coverPath.map(byPath::get).orElse(null));
    }

    private void classify(StandFolder.FileInfo f, Map<String, StandFolder.FileInfo> materials, Map<String, StandFolder.FileInfo> photos) {
        String path = f.path();
        String ext = extension(path);
        Issues.At out = issues.in(relDir + "/" + path);
        if (path.startsWith("files/")) {
            if (MATERIAL_TYPES.contains(ext)) {
                materials.put(path, f);
            } else {
                out.warning(0, 0, "stand.file.type", "Файл «" + path + "» не опубликован: тип ." + ext + " не разрешён для материалов.",
                        "Сохраните материал в одном из форматов: " + String.join(", ", MATERIAL_TYPES) + ".");
            }
        } else if (path.startsWith("gallery/")) {
            if (IMAGE_TYPES.contains(ext)) {
                photos.put(path, f);
            } else {
                out.warning(0, 0, "stand.file.type", "Файл «" + path + "» не опубликован: тип ." + ext + " не разрешён для фотографий.",
                        "Сохраните фотографию в одном из форматов: " + String.join(", ", IMAGE_TYPES) + ".");
            }
        } else if (path.indexOf('/') >= 0 || !(path.equals("stand.yaml") || ext.equals("md") || IMAGE_TYPES.contains(ext))) {
            out.warning(0, 0, "stand.entry.unknown", "Файл «" + path + "» не используется.",
                    "Материалы кладите в папку files/, фотографии — в gallery/, разделы — файлами .md рядом с index.md.");
        }
    }

    private Optional<String> image(StandFile.Ref ref, String field) {
        Optional<String> path = ref == null ? Optional.empty() : resolve(ref, field);
        if (path.isPresent() && !IMAGE_TYPES.contains(extension(path.get()))) {
            yaml.error(ref.line(), ref.column(), "stand.image.type", "Поле «" + field + "»: «" + ref.value() + "» — не изображение.",
                    "Укажите файл одного из типов: " + String.join(", ", IMAGE_TYPES) + ".");
            return Optional.empty();
        }
        return path;
    }

    /** Checks that a path from stand.yaml stays inside the stand folder and names an existing file. */
    private Optional<String> resolve(StandFile.Ref ref, String field) {
        String value = ref.value();
        String path = value.startsWith("./") ? value.substring(2) : value;
        if (!SafePath.isSafe(path)) {
            yaml.error(ref.line(), ref.column(), "stand.path.unsafe", "Поле «" + field + "»: путь «" + value + "» выходит за пределы папки стенда.",
                    "Пишите путь внутри папки стенда, через /, без .. и без начального /: например files/programma.pdf");
            return Optional.empty();
        }
        if (!folder.files().containsKey(path)) {
            Optional<String> guess = Suggest.closest(path, folder.files().keySet());
            yaml.error(ref.line(), ref.column(), "stand.file.missing", "Поле «" + field + "»: файла «" + value + "» нет в папке стенда.",
                    guess.map(g -> "Возможно, вы имели в виду " + g + ". ").orElse("")
                            + "Проверьте имя файла и папку (files/ или gallery/), регистр букв важен.");
            return Optional.empty();
        }
        return Optional.of(path);
    }

    private static Material material(StandFolder.FileInfo f, StandFile.MaterialEntry entry, Set<String> used) {
        String display = fileName(f.path());
        String urlFull = Translit.fileName(display);
        String ext = extension(display);
        String urlBase = ext.isEmpty() ? urlFull : urlFull.substring(0, urlFull.length() - ext.length() - 1);
        String url = unique(urlBase, ext.isEmpty() ? "" : "." + ext, used);
        String title = entry != null && entry.title() != null ? entry.title() : baseName(display);
        return new Material(f.path(), f.source(), url, display, title, entry == null || entry.description() == null ? "" : entry.description(),
                entry == null ? null : entry.nomination(), ext.toUpperCase(Locale.ROOT), f.size(), f.sha256());
    }

    static String unique(String base, String suffix, Set<String> used) {
        String candidate = base + suffix;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = base + "-" + n + suffix;
        }
        return candidate;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
