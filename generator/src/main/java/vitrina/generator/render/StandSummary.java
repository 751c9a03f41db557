package vitrina.generator.render;

import java.time.LocalDate;
import java.util.List;
import vitrina.generator.model.ImageSet;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/**
 * Template view (public so Pebble can read it): what listings show of a stand, i.e. its card in the catalog and on
 * region, type and nomination pages.
 */
public record StandSummary(StandId id, String url, Organization org, List<String> nominations, int materials,
                    LocalDate approved, Picture cover) {

    public static StandSummary of(Stand stand, ImageSet cover) {
        return new StandSummary(stand.id(), Routes.stand(stand.id()), stand.org(), stand.nominations(),
                stand.materials().size(), stand.approved(),
                cover == null || cover.variants().isEmpty() ? null : Picture.of(stand.id(), cover, 480));
    }

    public String shortName() {
        return org.shortName();
    }

    public String typeTitle() {
        return org.type().title();
    }

    public String typeUrl() {
        return Routes.type(org.type().id());
    }

    public String regionName() {
        return org.region().name();
    }

    public String regionUrl() {
        return Routes.region(org.region().slug());
    }
}
