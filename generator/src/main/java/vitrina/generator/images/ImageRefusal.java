package vitrina.generator.images;

import java.util.Locale;
import vitrina.generator.problem.Problem;

/**
 * Why one photo is left out, carried inside the package until {@link ImageProcessor} turns it into a
 * {@link Problem}. Never leaves the package.
 */
final class ImageRefusal extends Exception {
    private final String code;
    private final String hint;

    private ImageRefusal(String code, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.hint = hint;
    }

    Problem toProblem(String file) {
        return Problem.error(file, 0, 0, code, getMessage(), hint);
    }

    String code() {
        return code;
    }

    static ImageRefusal tooManyPixels(int width, int height, long maxPixels) {
        double scale = Math.sqrt((double) maxPixels / ((double) width * height));
        int w = Math.max(1, (int) Math.floor(width * scale));
        int h = Math.max(1, (int) Math.floor(height * scale));
        return new ImageRefusal("image.too-many-pixels",
                "Изображение %d×%d пикселей слишком большое (%s Мпикс при пределе %s)"
                        .formatted(width, height, megapixels((long) width * height), megapixels(maxPixels)),
                "Уменьшите его до %d×%d пикселей или меньше (для сайта хватит 1600 пикселей по ширине) и загрузите снова"
                        .formatted(w, h));
    }

    static ImageRefusal tooLarge(long bytes, long maxBytes) {
        return new ImageRefusal("image.too-large",
                "Файл изображения занимает %s МБ, это больше предела %s МБ".formatted(mb(bytes), mb(maxBytes)),
                "Сохраните фотографию в JPEG меньшего размера (например, 1600–3000 пикселей по ширине)");
    }

    static ImageRefusal corrupt(String detail) {
        return new ImageRefusal("image.corrupt",
                "Файл изображения повреждён или обрезан, прочитать его не удалось" + (detail.isEmpty() ? "" : " (" + detail + ")"),
                "Откройте фото на компьютере: если открывается — пересохраните его как JPEG; если нет — загрузите файл заново с исходного устройства");
    }

    static ImageRefusal heic() {
        return new ImageRefusal("image.heic",
                "Фотография в формате HEIC (формат iPhone), браузеры его не показывают",
                "Экспортируйте фото в JPEG; чтобы iPhone сразу снимал в JPEG: Настройки → Камера → Форматы → Наиболее совместимый");
    }

    static ImageRefusal unsupported(SourceFormat format) {
        String what = format == SourceFormat.UNKNOWN
                ? "Формат файла не распознан как изображение"
                : "Формат " + format.label() + " не поддерживается для фотографий";
        return new ImageRefusal("image.unsupported", what,
                "Сохраните изображение как JPEG (фотографии) или PNG (логотипы, схемы)");
    }

    static ImageRefusal unreadable(Exception e) {
        return new ImageRefusal("image.unreadable", "Не удалось прочитать файл изображения: " + e.getMessage(),
                "Проверьте, что файл существует и доступен для чтения");
    }

    static ImageRefusal outOfMemory(int width, int height) {
        return new ImageRefusal("image.out-of-memory",
                width > 0 ? "Не хватило памяти, чтобы обработать изображение %d×%d пикселей".formatted(width, height)
                        : "Не хватило памяти, чтобы обработать изображение",
                "Уменьшите фотографию до 1600–3000 пикселей по ширине или запустите сборку с большим -Xmx");
    }

    static ImageRefusal writeFailed(Exception e) {
        return new ImageRefusal("image.write-failed",
                "Не удалось записать уменьшенные копии изображения в кэш: " + e.getMessage(),
                "Проверьте свободное место и права на папку кэша изображений");
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1_000_000.0;
        return mp == Math.rint(mp) ? String.valueOf(Math.round(mp)) : String.format(Locale.ROOT, "%.1f", mp);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace(".0", "");
    }
}
