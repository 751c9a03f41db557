package vitrina.generator.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds pages with a given feature in a built site, so browser tests do not hard-code demo ids. */
final class TestSitesIds {
    private TestSitesIds() {
    }

    /** Site paths (like {@code /stands/x/projects/}) of the pages that embed a video. */
    static List<String> pagesWithVideo(Path site) {
        try (Stream<Path> files = Files.walk(site.resolve("stands"), 3)) {
            return files.filter(p -> p.getFileName().toString().equals("index.html")).filter(p -> {
                try {
                    return Files.readString(p).contains("video-embed");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(p -> "/" + site.relativize(p.getParent()).toString().replace('\\', '/') + "/").sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
