package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "2320112885", "7736050003", "6449013711", "5024002119", "3302012343"})
    void acceptsRealLegalEntityInns(String inn) {
        assertTrue(Identifiers.isValidInn(inn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7707083894", "1234567890", "770708389", "77070838931", "77070838a3", "", "500100732259"})
    void rejectsInnWithWrongCheckDigitOrLength(String inn) {
        assertFalse(Identifiers.isValidInn(inn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1027700132195", "1032311683172", "1027739057500", "1027700070518", "1033300000029"})
    void acceptsRealOgrns(String ogrn) {
        assertTrue(Identifiers.isValidOgrn(ogrn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1027700132196", "1025002869574", "102770013219", "10277001321950", "10277O0132195"})
    void rejectsOgrnWithWrongCheckDigitOrLength(String ogrn) {
        assertFalse(Identifiers.isValidOgrn(ogrn));
    }
}
