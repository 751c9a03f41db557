package vitrina.generator.model;

/**
 * A page from {@code pages/*.md}, published at {@code /<slug>/}.
 *
 * @param slug     URL segment from the file name, e.g. {@code about}
 * @param title    from front matter, else the first heading, else the slug
 * @param order    from front matter {@code order} (default 100), for menus
 * @param file     path relative to the content folder, e.g. {@code pages/about.md}
 * @param markdown body without front matter
 * @param bodyLine 1-based line where the body starts
 */
public record StaticPage(String slug, String title, int order, String file, String markdown, int bodyLine) {
}
