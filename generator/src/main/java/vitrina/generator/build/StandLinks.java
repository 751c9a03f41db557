package vitrina.generator.build;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vitrina.generator.markdown.LinkResolver;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.Material;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.render.Routes;

/** Resolves a stand's relative Markdown links to its published URLs (files/, gallery/, other sections). */
final class StandLinks implements LinkResolver {
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, ImageRef> images = new HashMap<>();

    StandLinks(Stand stand, Map<String, ImageSet> imageSets) {
        for (Material m : stand.materials()) {
            links.put(m.path(), Routes.material(stand.id(), m.urlName()));
        }
        for (Section s : stand.sections()) {
            String url = Routes.section(stand.id(), s.slug());
            links.put(s.slug(), url);
            links.put(s.slug() + ".md", url);
        }
        for (Photo p : stand.photos()) {
            ImageSet set = imageSets.get(p.path());
            if (set != null) {
                ImageRef ref = imageRef(stand, set);
                images.put(p.path(), ref);
                links.put(p.path(), ref.src());
            }
        }
    }

    static ImageRef imageRef(Stand stand, ImageSet set) {
        ImageSet.Variant middle = set.variants().get(Math.min(set.variants().size() - 1, 1));
        String srcset = set.variants().stream()
                .map(v -> Routes.image(stand.id(), v.fileName()) + " " + v.width() + "w")
                .collect(Collectors.joining(", "));
        return new ImageRef(Routes.image(stand.id(), middle.fileName()), srcset, middle.width(), middle.height());
    }

    @Override
    public Optional<String> link(String target) {
        return Optional.ofNullable(links.get(normalize(target)));
    }

    @Override
    public Optional<ImageRef> image(String target) {
        return Optional.ofNullable(images.get(normalize(target)));
    }

    private static String normalize(String target) {
        String t = target.strip();
        if (t.contains("%")) {
            try {
                t = URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return t;
            }
        }
        while (t.startsWith("./")) {
            t = t.substring(2);
        }
        if (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
