package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vitrina.generator.model.StaticPage;

/** Reads {@code pages/*.md} into static pages, sorted by {@code order} (default 100), then slug. */
final class PageReader {
    static final int DEFAULT_ORDER = 100;

    private PageReader() {
    }

    static List<StaticPage> read(Path contentDir, Issues issues) throws IOException {
        Path dir = contentDir.resolve("pages");
        List<StaticPage> pages = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return pages;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        Set<String> slugs = new HashSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Issues.At out = issues.in("pages/" + name);
            if (StandFolder.isIgnored(file)) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                out.error(0, 0, "page.symlink", "Символическая ссылка «pages/" + name + "» не допускается.",
                        "Положите в pages/ сам файл вместо ссылки.");
            } else if (!name.endsWith(".md") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                out.warning(0, 0, "page.entry.unknown", "«pages/" + name + "» не используется: страницы — это файлы .md.",
                        "Сохраните страницу как файл с расширением .md или уберите файл из pages/.");
            } else {
                readOne(file, name, out).ifPresent(p -> {
                    if (slugs.add(p.slug())) {
                        pages.add(p);
                    } else {
                        out.error(0, 0, "page.duplicate", "Две страницы получают один адрес «/" + p.slug() + "/».",
                                "Переименуйте один из файлов.");
                    }
                });
            }
        }
        pages.sort(Comparator.comparingInt(StaticPage::order).thenComparing(StaticPage::slug));
        return pages;
    }

    private static Optional<StaticPage> readOne(Path file, String name, Issues.At out) throws IOException {
        Optional<FrontMatter> fm = TextReader.read(file, out).flatMap(text -> FrontMatter.split(text, out));
        if (fm.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.root(fm.get().fields(), out, "page");
        f.allowOnly(List.of("title", "order"));
        String slug = SectionReader.slugOf(StandMedia.baseName(name), out);
        String title = Optional.ofNullable(f.text("title"))
                .or(() -> FrontMatter.firstHeading(fm.get().body()))
                .orElse(slug);
        Integer order = f.integer("order");
        return Optional.of(new StaticPage(slug, title, order == null ? DEFAULT_ORDER : order, "pages/" + name,
                fm.get().body(), fm.get().bodyLine()));
    }
}
