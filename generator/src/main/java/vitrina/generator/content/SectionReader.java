package vitrina.generator.content;

import java.io.IOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vitrina.generator.model.Section;
import vitrina.generator.model.StandId;
import vitrina.generator.model.Translit;

/**
 * Reads the Markdown sections of a stand ({@code index.md} and other {@code *.md} beside it) and orders them:
 * {@code index} always first, then the order of {@code sections:} in stand.yaml, then the rest by title in
 * Russian alphabetical order.
 */
final class SectionReader {
    private final String relDir;
    private final Issues issues;

    SectionReader(String relDir, Issues issues) {
        this.relDir = relDir;
        this.issues = issues;
    }

    List<Section> read(StandFolder folder, List<StandFile.Ref> order) throws IOException {
        Map<String, Section> bySlug = new LinkedHashMap<>();
        for (StandFolder.FileInfo f : folder.files().values()) {
            if (f.path().indexOf('/') < 0 && f.path().endsWith(".md")) {
                readOne(f).ifPresent(s -> {
                    if (bySlug.putIfAbsent(s.slug(), s) != null) {
                        issues.in(s.file()).error(0, 0, "stand.section.duplicate", "Два раздела получают один адрес «" + s.slug() + "».",
                                "Переименуйте один из файлов латиницей, например methods.md и projects.md.");
                    }
                });
            }
        }
        if (!folder.files().containsKey("index.md")) {
            issues.in(relDir).error(0, 0, "stand.index.missing", "В папке стенда нет главной страницы index.md.",
                    "Создайте файл index.md с рассказом об организации, начиная со строки «# Название».");
        }
        List<Section> ordered = new ArrayList<>();
        Optional.ofNullable(bySlug.remove("index")).ifPresent(ordered::add);
        Issues.At yaml = issues.in(relDir + "/stand.yaml");
        for (StandFile.Ref ref : order) {
            if (ref.value().equals("index") && !ordered.isEmpty() && ordered.get(0).isIndex()) {
                continue;
            }
            Section s = bySlug.remove(ref.value());
            if (s != null) {
                ordered.add(s);
            } else {
                yaml.warning(ref.line(), ref.column(), "stand.section.unknown", "Поле «sections»: раздела «" + ref.value() + "» нет или он указан дважды.",
                        Suggest.closest(ref.value(), bySlug.keySet()).map(g -> "Возможно, вы имели в виду " + g + ". ").orElse("")
                                + "В sections перечисляют имена файлов .md без расширения.");
            }
        }
        Collator collator = Collator.getInstance(new Locale("ru", "RU"));
        bySlug.values().stream()
                .sorted(Comparator.comparing(Section::title, collator::compare).thenComparing(Section::slug))
                .forEach(ordered::add);
        List<Section> result = new ArrayList<>();
        for (Section s : ordered) {
            result.add(new Section(s.slug(), s.title(), s.file(), s.markdown(), s.bodyLine(), result.size()));
        }
        return result;
    }

    private Optional<Section> readOne(StandFolder.FileInfo f) throws IOException {
        String file = relDir + "/" + f.path();
        Issues.At out = issues.in(file);
        Optional<FrontMatter> fm = TextReader.read(f.source(), out).flatMap(text -> FrontMatter.split(text, out));
        if (fm.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = Fields.root(fm.get().fields(), out, "stand");
        fields.allowOnly(List.of("title"));
        String base = StandMedia.baseName(f.path());
        String slug = slugOf(base, out);
        String title = Optional.ofNullable(fields.text("title"))
                .or(() -> FrontMatter.firstHeading(fm.get().body()))
                .orElse(slug);
        return Optional.of(new Section(slug, title, file, fm.get().body(), fm.get().bodyLine(), 0));
    }

    /** The file's base name when it is latin-safe; else its transliteration, with a warning. */
    static String slugOf(String base, Issues.At out) {
        if (StandId.isValid(base)) {
            return base;
        }
        String slug = Optional.of(Translit.slug(base)).filter(s -> !s.isEmpty()).orElse("page");
        out.warning(0, 0, "page.slug.translit", "Имя файла «" + base + ".md» не подходит для адреса страницы; адрес будет «" + slug + "».",
                "Назовите файл строчными латинскими буквами, цифрами и дефисами: " + slug + ".md");
        return slug;
    }
}
