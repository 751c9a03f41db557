package vitrina.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.Material;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Regions;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Section;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/** Builds model records for renderer tests: a site config, stands with sections, materials and photos. */
final class TestSite {
    static final String BASE_URL = "https://ШколаТворчества.РФ/";

    private TestSite() {
    }

    /** The repository's default theme folder, found from the working directory upwards. */
    static Path defaultTheme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path theme = dir.resolve("themes").resolve("default");
            if (Files.isDirectory(theme.resolve("templates"))) {
                return theme;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("themes/default not found above " + Path.of("").toAbsolutePath());
    }

    static SiteConfig site(boolean voting) {
        String host = BASE_URL.substring("https://".length(), BASE_URL.length() - 1);
        String ascii = "https://" + IDN.toASCII(host) + "/";
        return new SiteConfig("Творчески работающие коллективы школ России", BASE_URL, ascii, "ru",
                LocalDate.of(2026, 3, 17), LocalDate.of(2026, 8, 7),
                new SiteConfig.Contacts("+7 (495) 000-00-00", "10:00–17:00 МСК", "info@example.org"),
                List.of(new Nomination("innovation", "Инновационные подходы в образовании"),
                        new Nomination("upbringing", "Воспитательная работа"),
                        new Nomination("sport", "Здоровьесбережение")),
                voting ? new SiteConfig.Voting(URI.create("https://vote.example.org"), LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 7, 31)) : null,
                null, null, null);
    }

    static Organization org(String shortName, int region, OrgType type) {
        return new Organization("Полное наименование: " + shortName, shortName, type, Regions.requireByCode(region),
                "Сочи", "354000, г. Сочи, ул. Юных ленинцев, 5", "2320112885", "1032311683172",
                new Organization.License("Л035-01218-23/00000000", LocalDate.of(2015, 5, 12)), 1965,
                "https://school12.example.ru", new Organization.Head("Иванова Мария Петровна", "Директор"),
                "Школа, где учат думать.");
    }

    static Stand stand(String id, Organization org, List<String> nominations, LocalDate approved) {
        return new Stand(new StandId(id), org, nominations,
                List.of(new Section("index", "О школе", "stands/" + id + "/index.md", "# О школе", 1, 0)),
                List.of(), List.of(), null, null, "sha256:0", approved);
    }

    static StandContent content(Stand stand) {
        return new StandContent(stand, Map.of("index", md("<h2 id=\"o\">О школе</h2><p>Текст.</p>")),
                Map.of(), Map.of(), List.of());
    }

    static RenderedMarkdown md(String html) {
        return new RenderedMarkdown(html, html.replaceAll("<[^>]+>", " ").strip(), List.of());
    }

    /** A full stand: two sections, two materials, two photos (one captioned, the cover) and a logo. */
    static StandContent rich(Path tmp, String id, Organization org, List<String> nominations, LocalDate approved,
                             List<StandId> related) {
        try {
            Path pdf = Files.writeString(tmp.resolve(id + "-programma.pdf"), "pdf");
            Path docx = Files.writeString(tmp.resolve(id + "-plan.docx"), "docx");
            List<Material> materials = List.of(
                    new Material("files/Программа.pdf", pdf, "programma.pdf", "Программа.pdf",
                            "Программа развития 2025–2030", "Утверждена советом школы", "innovation", "PDF",
                            1_258_291, "aa"),
                    new Material("files/План.docx", docx, "plan.docx", "План.docx", "План работы", "", null, "DOCX",
                            348_160, "bb"));
            Map<String, ImageSet> images = new LinkedHashMap<>();
            List<Photo> photos = new ArrayList<>();
            for (String name : List.of("01", "02")) {
                Path small = Files.writeString(tmp.resolve(id + name + "-640.jpg"), "small" + name);
                Path large = Files.writeString(tmp.resolve(id + name + "-1280.jpg"), "large" + name);
                images.put("gallery/" + name + ".jpg", new ImageSet(1280, 960, List.of(
                        new ImageSet.Variant(640, 480, name + ".1a2b3c4d.640.jpg", small),
                        new ImageSet.Variant(1280, 960, name + ".1a2b3c4d.1280.jpg", large))));
                photos.add(new Photo("gallery/" + name + ".jpg", small, name,
                        name.equals("01") ? "Открытие технопарка «Точка роста»" : "", "cc"));
            }
            Path logoFile = Files.writeString(tmp.resolve(id + "-logo.png"), "logo");
            images.put("logo.png", new ImageSet(160, 160,
                    List.of(new ImageSet.Variant(160, 160, "logo.9f8e7d6c.160.png", logoFile))));
            Photo logo = new Photo("logo.png", logoFile, "logo", "", "dd");
            List<Section> sections = List.of(
                    new Section("index", "О школе", "stands/" + id + "/index.md", "# О школе", 1, 0),
                    new Section("methods", "Методики", "stands/" + id + "/methods.md", "# Методики", 1, 1));
            Stand stand = new Stand(new StandId(id), org, nominations, sections, materials, photos, logo,
                    photos.get(0), "sha256:1", approved);
            Map<String, String> urls = Map.of(
                    "files/Программа.pdf", Routes.material(stand.id(), "programma.pdf"),
                    "files/План.docx", Routes.material(stand.id(), "plan.docx"));
            return new StandContent(stand, Map.of(
                    "index", md("<h2 id=\"o-shkole\">О школе</h2><p>Мы — <strong>школа</strong>.</p>"),
                    "methods", md("<h2 id=\"metodiki\">Методики</h2><p>Проекты.</p>")), images, urls, related);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
