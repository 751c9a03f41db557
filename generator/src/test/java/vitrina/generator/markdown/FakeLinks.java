package vitrina.generator.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stand with a few files, photos and pages; remembers what it was asked, so tests can check decoding. */
final class FakeLinks implements LinkResolver {
    private static final Map<String, String> LINKS = Map.of(
            "files/План.pdf", "/stands/demo/files/plan.pdf",
            "files/Программа развития.docx", "/stands/demo/files/programma-razvitiya.docx",
            "files/x.pdf", "/stands/demo/files/x.pdf",
            "methods.md", "/stands/demo/methods/",
            "methods", "/stands/demo/methods/",
            "gallery/01.jpg", "/stands/demo/gallery/01/");
    private static final Map<String, ImageRef> IMAGES = Map.of(
            "gallery/01.jpg", new ImageRef("/stands/demo/gallery/01.3f9a2c1e.800.jpg",
                    "/stands/demo/gallery/01.3f9a2c1e.400.jpg 400w, /stands/demo/gallery/01.3f9a2c1e.800.jpg 800w, "
                            + "/stands/demo/gallery/01.3f9a2c1e.1600.jpg 1600w", 1600, 1200),
            "gallery/Фото 2.jpg", new ImageRef("/stands/demo/gallery/foto-2.5b1d0e77.800.jpg",
                    "/stands/demo/gallery/foto-2.5b1d0e77.400.jpg 400w, /stands/demo/gallery/foto-2.5b1d0e77.800.jpg 800w",
                    800, 600));

    final List<String> asked = new ArrayList<>();

    @Override
    public synchronized Optional<String> link(String target) {
        asked.add(target);
        return Optional.ofNullable(LINKS.get(target));
    }

    @Override
    public synchronized Optional<ImageRef> image(String target) {
        asked.add(target);
        return Optional.ofNullable(IMAGES.get(target));
    }
}
