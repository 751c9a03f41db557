package vitrina.generator.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One electronic exhibition stand as loaded and validated from {@code stands/<id>/}.
 *
 * @param id          the folder name
 * @param org         who the organization is
 * @param nominations ids of the nominations the stand takes part in (all exist in site.yaml)
 * @param sections    Markdown pages, index first, in display order
 * @param materials   downloadable files, sorted by path
 * @param photos      gallery photos, sorted by path
 * @param logo        the logo, or null
 * @param cover       the cover photo (one of {@code photos} or another image), or null
 * @param version     content version: {@code sha256:<hex>} over every file of the stand folder, sorted by path
 * @param approved    date of the moderation round that approved this version, or null (no moderation.yaml)
 */
public record Stand(StandId id, Organization org, List<String> nominations, List<Section> sections,
                    List<Material> materials, List<Photo> photos, Photo logo, Photo cover, String version,
                    java.time.LocalDate approved) {

    public Stand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        nominations = List.copyOf(nominations);
        sections = List.copyOf(sections);
        materials = List.copyOf(materials);
        photos = List.copyOf(photos);
    }

    /** This stand without its Markdown bodies (what a build keeps in memory once the pages are prepared). */
    public Stand withoutMarkdown() {
        List<Section> light = sections.stream().map(x -> new Section(x.slug(), x.title(), x.file(), "", x.bodyLine(),
                x.order())).toList();
        return new Stand(id, org, nominations, light, materials, photos, logo, cover, version, approved);
    }

    public Optional<Section> findSection(String slug) {
        return sections.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }
}
