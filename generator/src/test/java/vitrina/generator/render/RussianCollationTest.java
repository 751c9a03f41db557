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

    @Test
    void sortKeysOrderExactlyAsTheDirectComparisonOnRandomNames() {
        String alphabet = "аАбБеЕёЁжЖлЛшШяЯabZ0012345789 №«»-\"";
        java.util.Random random = new java.util.Random(42);
        RussianCollation collation = new RussianCollation();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(9); k >= 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(sb.toString());
        }
        names.add("");
        names.add("007");
        names.add("7");
        for (int i = 0; i < 40_000; i++) {
            String a = names.get(random.nextInt(names.size()));
            String b = names.get(random.nextInt(names.size()));
            assertEquals(Integer.signum(collation.compareDirectly(a, b)), Integer.signum(collation.compare(a, b)),
                    "«" + a + "» vs «" + b + "»");
        }
    }
}
