package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RussianFormatTest {
    @Test
    void choosesPluralFormByLastDigitsWithElevenToFourteenAsMany() {
        assertEquals("1 стенд", RussianFormat.plural(1, "стенд", "стенда", "стендов"));
        assertEquals("2 стенда", RussianFormat.plural(2, "стенд", "стенда", "стендов"));
        assertEquals("5 стендов", RussianFormat.plural(5, "стенд", "стенда", "стендов"));
        assertEquals("11 стендов", RussianFormat.plural(11, "стенд", "стенда", "стендов"));
        assertEquals("14 стендов", RussianFormat.plural(14, "стенд", "стенда", "стендов"));
        assertEquals("21 стенд", RussianFormat.plural(21, "стенд", "стенда", "стендов"));
        assertEquals("104 стенда", RussianFormat.plural(104, "стенд", "стенда", "стендов"));
        assertEquals("0 стендов", RussianFormat.plural(0, "стенд", "стенда", "стендов"));
        assertEquals("1000 стендов", RussianFormat.plural(1000, "стенд", "стенда", "стендов"), "four digits together");
        assertEquals("10\u00A0000 стендов", RussianFormat.plural(10_000, "стенд", "стенда", "стендов"));
        assertEquals("49\u00A0001 стенд", RussianFormat.plural(49_001, "стенд", "стенда", "стендов"));
        assertEquals("1\u00A0234\u00A0567 страниц", RussianFormat.plural(1_234_567, "страница", "страницы", "страниц"));
    }

    @Test
    void writesFileSizesInRussianUnitsWithDecimalComma() {
        assertEquals("900 Б", RussianFormat.fileSize(900));
        assertEquals("1,5 КБ", RussianFormat.fileSize(1536));
        assertEquals("340 КБ", RussianFormat.fileSize(340 * 1024));
        assertEquals("1,2 МБ", RussianFormat.fileSize(1_258_291));
        assertEquals("2 МБ", RussianFormat.fileSize(2 * 1024 * 1024));
        assertEquals("50 МБ", RussianFormat.fileSize(50L * 1024 * 1024));
    }

    @Test
    void writesExpositionPeriodWithTheYearOnceWhenShared() {
        assertEquals("17 марта — 7 августа 2026 г.",
                RussianFormat.period(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 8, 7)));
        assertEquals("1 декабря 2025 г. — 7 августа 2026 г.",
                RussianFormat.period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 8, 7)));
        assertEquals("с 17 марта 2026 г.", RussianFormat.period(LocalDate.of(2026, 3, 17), null));
        assertEquals("", RussianFormat.period(null, null));
    }
}
