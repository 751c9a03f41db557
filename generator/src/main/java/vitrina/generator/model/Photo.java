package vitrina.generator.model;

import java.nio.file.Path;

/**
 * A photo from a stand's {@code gallery/} folder (or the logo).
 *
 * @param path    path inside the stand folder as written, e.g. {@code gallery/01.jpg}
 * @param source  absolute path of the file on disk
 * @param urlName transliterated base name without extension, unique within the stand, e.g. {@code 01}
 * @param caption caption from stand.yaml {@code gallery_captions} (may be empty; then alt text is generic)
 * @param sha256  hex SHA-256 of the content
 */
public record Photo(String path, Path source, String urlName, String caption, String sha256) {
}
