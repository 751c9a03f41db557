package vitrina.generator.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Pebble loader over the theme folders, most specific first, so that a site can override any single template
 * and {@code extends}/{@code include} resolve the same way. Template names are paths under {@code templates/}
 * ({@code partials/header.peb}); they are never relative to the including template.
 */
final class ThemeLoader implements Loader<String> {
    private final TemplateLookup lookup;

    ThemeLoader(TemplateLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public Reader getReader(String name) {
        Path file = lookup.locate(name).orElseThrow(
                () -> new LoaderException(null, "template not found in any theme folder: " + name));
        try {
            return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoaderException(e, "cannot read template " + file);
        }
    }

    @Override
    public void setCharset(String charset) {
        // always UTF-8
    }

    @Override
    public void setPrefix(String prefix) {
        // theme folders play the prefix's role
    }

    @Override
    public void setSuffix(String suffix) {
        // names carry their .peb suffix
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return lookup.locate(templateName).isPresent();
    }
}
