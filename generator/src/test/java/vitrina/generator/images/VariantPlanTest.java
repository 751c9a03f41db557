package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantPlanTest {
    private static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);

    private static List<Integer> widths(VariantPlan plan) {
        return plan.sizes().stream().map(VariantPlan.Size::width).toList();
    }

    @Test
    void twelveMegapixelPhotoGetsAllWidthsAndIsDecodedAtHalfResolution() {
        VariantPlan plan = VariantPlan.of(4000, 3000, 1, WIDTHS);

        assertEquals(WIDTHS, widths(plan));
        assertEquals(new VariantPlan.Size(1600, 1200), plan.largest());
        assertEquals(2, plan.subsampling());
    }

    @Test
    void sourceExactlyAsWideAsTheLargestWidthKeepsIt() {
        assertEquals(WIDTHS, widths(VariantPlan.of(1600, 900, 1, WIDTHS)));
    }

    @Test
    void portraitPhotoStoredSidewaysIsPlannedInDisplayOrientation() {
        VariantPlan plan = VariantPlan.of(4000, 3000, 6, WIDTHS);

        assertEquals(new VariantPlan.Size(1600, 2133), plan.largest());
        assertEquals(1, plan.subsampling());
    }

    @Test
    void narrowSourceIsNeverUpscaled() {
        assertEquals(List.of(120), widths(VariantPlan.of(120, 4000, 1, WIDTHS)));
        assertEquals(List.of(320, 500), widths(VariantPlan.of(500, 10, 1, WIDTHS)));
        assertEquals(1, VariantPlan.of(500, 1, 1, WIDTHS).largest().height());
    }
}
