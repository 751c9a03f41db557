package vitrina.generator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RussianTextTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsLowercasedWithYoFolded() {
        assertEquals(List.of("ежик", "в", "тумане", "2026", "school", "e", "mail"),
                RussianText.words("Ёжик в ТУМАНЕ — 2026, School! e-mail"));
    }

    @Test
    void theFastPathsAgreeWithCharacterOnAnyText() {
        String alphabet = "aZz09 ,.-—«»\n\tАЯаяЁёЖжІіЇїΣσÉéßİıµ\u00a0\u2009\u0301😀𝐀𝟘";
        int[] cps = alphabet.codePoints().toArray();
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(40); j > 0; j--) {
                sb.appendCodePoint(cps[r.nextInt(cps.length)]);
            }
            String text = sb.toString();
            assertEquals(reference(text), RussianText.words(text), text);
        }
    }

    @Test
    void termsAreTheStemsOfTheWordsThatAreNotStopWords() {
        // 30,000 distinct words (the per-thread word table grows several times), each text read twice (the second
        // time every word comes from the table), mixed with stop words and supplementary letters
        String letters = "абвгдежзийклмнопрстуфхцчшщъыьэюяё𝐀";
        int[] cps = letters.codePoints().toArray();
        Random r = new Random(11);
        List<TermTable> tables = List.of(new TermTable(), new TermTable());
        tables.get(1).id("занято"); // the second table numbers terms differently
        for (int t = 0; t < 300; t++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 100; w++) {
                if (r.nextInt(5) == 0) {
                    sb.append(r.nextBoolean() ? "и " : "Не ");
                }
                for (int k = 2 + r.nextInt(9); k > 0; k--) {
                    sb.appendCodePoint(cps[r.nextInt(cps.length)]);
                }
                sb.append(r.nextInt(7) == 0 ? ", " : " ");
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            for (String word : reference(text)) {
                if (!RussianText.isStopWord(word)) {
                    expected.add(RussianText.stem(word));
                }
            }
            assertEquals(expected, RussianText.terms(text), text);
            assertEquals(expected, RussianText.terms(text), text);
            for (TermTable table : tables) { // ids remembered per thread must never leak from one table to another
                int[] ids = RussianText.termIds(text, table, Integer.MAX_VALUE);
                assertEquals(expected, java.util.Arrays.stream(ids).mapToObj(table::term).toList(), text);
                int[] first = RussianText.termIds(text, table, 5);
                assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(ids, Math.min(5, ids.length))),
                        java.util.Arrays.toString(first));
            }
        }
    }

    /** The definition: code points, Character.isLetterOrDigit, Character.toLowerCase, ё → е. */
    private static List<String> reference(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                int lower = Character.toLowerCase(cp);
                word.appendCodePoint(lower == 'ё' ? 'е' : lower);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }
}
