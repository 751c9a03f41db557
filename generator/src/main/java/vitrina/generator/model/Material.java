package vitrina.generator.model;

import java.nio.file.Path;

/**
 * A downloadable file from a stand's {@code files/} folder.
 *
 * @param path        path inside the stand folder as written by the school, e.g. {@code files/Программа.pdf}
 * @param source      absolute path of the file on disk
 * @param urlName     transliterated, unique-within-the-stand file name for the URL, e.g. {@code programma.pdf}
 * @param displayName the original file name, shown to visitors
 * @param title       title from stand.yaml {@code materials}, else the display name without extension
 * @param description description from stand.yaml (may be empty)
 * @param nomination  nomination id the material is filed under (nullable)
 * @param format      upper-case format label: PDF, DOCX, PPTX...
 * @param size        size in bytes
 * @param sha256      hex SHA-256 of the content
 */
public record Material(String path, Path source, String urlName, String displayName, String title,
                      String description, String nomination, String format, long size, String sha256) {
}
