package vitrina.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RussianCollationTest {
    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(RussianCollation.INSTANCE);
        return list;
    }

    @Test
    void comparesNumbersByValueSoFiveComesBeforeTwelve() {
        assertEquals(List.of("Гимназия № 2", "Гимназия № 5", "Гимназия № 12", "Гимназия № 100"),
                sorted("Гимназия № 12", "Гимназия № 100", "Гимназия № 5", "Гимназия № 2"));
    }

    @Test
    void putsYoBesideYeNotAfterYa() {
        List<String> list = sorted("Яблонька", "Ёлочка", "Жаворонок", "Елань", "Ель");
        assertEquals(List.of("Елань", "Ёлочка", "Ель", "Жаворонок", "Яблонька"), list);
    }

    @Test
    void ignoresCaseExceptAsTieBreakAndStaysTotal() {
        assertTrue(RussianCollation.INSTANCE.compare("лицей", "Лицей") != 0);
        assertEquals(List.of("азбука", "Берёзка"), sorted("Берёзка", "азбука"));
        assertEquals(0, RussianCollation.INSTANCE.compare("Школа № 1", "Школа № 1"));
    }

    @Test
    void treatsLeadingZerosAsTheSameValueButKeepsOrderDeterministic() {
        assertEquals(List.of("Школа 007", "Школа 7", "Школа 8"), sorted("Школа 8", "Школа 7", "Школа 007"));
    }
}
