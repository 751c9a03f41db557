package vitrina.generator.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks that a site path is relative, normalized and stays inside the site root. */
final class SafePaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~\\-]+");

    private SafePaths() {
    }

    /**
     * @throws IllegalArgumentException for absolute paths, {@code ..}, empty or unusual segments (programmer error:
     *                                  content-derived names are transliterated before they get here)
     */
    static Path resolve(Path root, String sitePath) {
        if (sitePath == null || sitePath.isEmpty() || sitePath.startsWith("/") || sitePath.endsWith("/")) {
            throw new IllegalArgumentException("not a relative file path: " + sitePath);
        }
        for (String segment : sitePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("unsafe segment '" + segment + "' in site path " + sitePath);
            }
        }
        Path resolved = root.resolve(sitePath).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("site path escapes the output folder: " + sitePath);
        }
        return resolved;
    }
}
