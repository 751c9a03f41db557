package vitrina.generator.images;

import java.util.ArrayList;
import java.util.List;

/**
 * Which variants one source gets, in display orientation, and how coarsely the decoder may sample it.
 * Never upscales: widths at or above the source width are skipped, and the source width itself is used
 * when it is smaller than the largest requested width.
 *
 * @param sizes       ascending by width
 * @param subsampling take every n-th pixel while decoding (1 = full resolution)
 */
record VariantPlan(List<Size> sizes, int subsampling) {
    record Size(int width, int height) {
    }

    VariantPlan {
        sizes = List.copyOf(sizes);
    }

    /**
     * @param sourceWidth  width as stored in the file (before orientation)
     * @param sourceHeight height as stored in the file
     */
    static VariantPlan of(int sourceWidth, int sourceHeight, int orientation, List<Integer> widths) {
        boolean swap = Orientation.swapsAxes(orientation);
        int width = swap ? sourceHeight : sourceWidth;
        int height = swap ? sourceWidth : sourceHeight;
        int largest = widths.get(widths.size() - 1);
        List<Size> sizes = new ArrayList<>();
        for (int w : widths) {
            if (w < width) {
                sizes.add(sized(w, width, height));
            }
        }
        int top = Math.min(width, largest);
        if (sizes.isEmpty() || sizes.get(sizes.size() - 1).width() != top) {
            sizes.add(sized(top, width, height));
        }
        // Point sampling while decoding is cheap and bounds memory; keep at least the largest width.
        int subsampling = Math.max(1, width / top);
        return new VariantPlan(sizes, subsampling);
    }

    Size largest() {
        return sizes.get(sizes.size() - 1);
    }

    private static Size sized(int w, int width, int height) {
        long h = Math.round((double) w * height / width);
        return new Size(w, (int) Math.max(1, Math.min(h, Integer.MAX_VALUE)));
    }
}
