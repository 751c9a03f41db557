/**
 * Reads content/ into validated records: site settings, stands, pages and moderation; a broken stand yields
 * problems, never an exception.
 *
 * <p>Decisions the content contract leaves open, taken here:
 * <ul>
 *   <li>Markdown and YAML must be UTF-8 (a BOM is dropped). Other encodings, typically Windows-1251, are an error
 *       {@code file.encoding} naming the file and the first bad line, with a hint to re-save as UTF-8; nothing is
 *       guessed, so the site shows exactly what the school sees after fixing.</li>
 *   <li>A file in {@code files/} or {@code gallery/} of a type that is not allowed is a warning
 *       {@code stand.file.type}; the file is skipped and the stand still publishes.</li>
 *   <li>Any error in site.yaml is fatal ({@code exhibition() == null}); any error in a stand leaves that stand out.</li>
 *   <li>{@code index} is always the first section; then the order of {@code sections:}; then the rest by title in
 *       Russian alphabetical order. Unknown names in {@code sections:} are warnings.</li>
 *   <li>Hidden files and OS junk ({@code .DS_Store}, {@code Thumbs.db}, {@code desktop.ini}, {@code __MACOSX})
 *       are ignored and do not count in the stand version.</li>
 *   <li>A moderation.yaml that cannot be read publishes nothing (error {@code moderation.unreadable}); without
 *       moderation.yaml every valid stand publishes and one warning {@code moderation.absent} says so.</li>
 *   <li>Folder or page file names that are not latin-safe: stand folders are refused with the suggested id;
 *       page and section files get a transliterated slug and a warning.</li>
 * </ul>
 */
package vitrina.generator.content;
