package vitrina.generator.render;

import java.util.stream.Collectors;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.StandId;

/**
 * Template view (public so Pebble can read it): what an {@code <img>} needs for one published photo: a fallback
 * {@code src}, the {@code srcset} of all variants and the intrinsic size of the fallback (so the browser reserves
 * space and nothing jumps).
 */
public record Picture(String src, String srcset, int width, int height, String largest) {

    /** The picture of an image set, with a fallback no narrower than {@code preferredWidth} when there is one. */
    public static Picture of(StandId stand, ImageSet set, int preferredWidth) {
        ImageSet.Variant fallback = set.largest();
        for (ImageSet.Variant v : set.variants()) {
            if (v.width() >= preferredWidth) {
                fallback = v;
                break;
            }
        }
        String srcset = set.variants().stream()
                .map(v -> Routes.image(stand, v.fileName()) + " " + v.width() + "w")
                .collect(Collectors.joining(", "));
        return new Picture(Routes.image(stand, fallback.fileName()), srcset, fallback.width(), fallback.height(),
                Routes.image(stand, set.largest().fileName()));
    }
}
