package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void suggestsTheClosestKnownName() {
        assertEquals(Optional.of("region"), Suggest.closest("regoin", StandValidator.KNOWN));
        assertEquals(Optional.of("short_name"), Suggest.closest("shortname", StandValidator.KNOWN));
        assertEquals(Optional.of("gallery_captions"), Suggest.closest("galery_captions", StandValidator.KNOWN));
    }

    @Test
    void staysSilentWhenNothingIsClose() {
        assertTrue(Suggest.closest("ученики", StandValidator.KNOWN).isEmpty());
        assertTrue(Suggest.closest("x", List.of("ab")).isEmpty());
    }

    @Test
    void countsSwappedNeighboursAsOneEdit() {
        assertEquals(1, Suggest.distance("regoin", "region"));
    }
}
