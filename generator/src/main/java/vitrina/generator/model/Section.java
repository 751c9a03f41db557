package vitrina.generator.model;

/**
 * One Markdown page of a stand ({@code index.md} or another {@code <section>.md}).
 *
 * @param slug     URL segment: {@code index} for the stand's main page, otherwise the file's base name
 * @param title    from front matter {@code title}, else the first heading, else the slug
 * @param file     path relative to the content folder (for problems), e.g. {@code stands/x/methods.md}
 * @param markdown the Markdown body without front matter
 * @param bodyLine 1-based line in the file where the body starts (after front matter), for problem lines
 * @param order    position among the stand's sections (0 = first)
 */
public record Section(String slug, String title, String file, String markdown, int bodyLine, int order) {
    public boolean isIndex() {
        return "index".equals(slug);
    }
}
