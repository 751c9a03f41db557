package vitrina.generator.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Russian analysis shared with the browser: lowercase, ё → е, words are runs of letters and digits, Lucene's
 * Russian stop words are dropped and the rest is stemmed by Lucene's {@link RussianLightStemFilter}.
 * {@code search.js} ports the same steps exactly; a test checks that both give the same stems.
 */
final class RussianText {
    private static final SortedSet<String> STOP_WORDS = loadStopWords();
    /** The same words for lookups: hashing beats the sorted set's string comparisons on every word of every page. */
    private static final Set<String> STOP_LOOKUP = Set.copyOf(STOP_WORDS);
    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new RussianLightStemFilter(source));
        }
    };
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    /** What {@link WordTable} gives for a stop word (compared by identity). */
    private static final String STOP = new String("<stop>");
    private static final ThreadLocal<WordTable> WORD_TABLES = ThreadLocal.withInitial(WordTable::new);

    private RussianText() {
    }

    /** Lowercased words with ё folded to е, in text order, stop words included. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>(expectedWords(text));
        scan(text, (word, len, hash) -> out.add(new String(word, 0, len)));
        return out;
    }

    /**
     * The ids in {@code table} of {@link #terms}, the first {@code max} of them. Each thread remembers a word's id
     * with its stem, so a word seen before costs a lookup by its characters and nothing else (a per-document map of
     * stems and the shared table's lock took a twentieth of a build).
     */
    static int[] termIds(String text, TermTable table, int max) {
        int[][] out = {new int[Math.min(max, expectedWords(text))]};
        int[] n = {0};
        WordTable words = WORD_TABLES.get();
        scan(text, (word, len, hash) -> {
            int id = words.id(word, len, hash, table);
            if (id >= 0 && n[0] < max) {
                if (n[0] == out[0].length) {
                    out[0] = java.util.Arrays.copyOf(out[0], (int) Math.min(max, 2L * n[0] + 16));
                }
                out[0][n[0]++] = id;
            }
        });
        return n[0] == out[0].length ? out[0] : java.util.Arrays.copyOf(out[0], n[0]);
    }

    /** Receives each folded word of a text as characters, with {@link String#hashCode} of those characters. */
    @FunctionalInterface
    private interface WordSink {
        void word(char[] word, int len, int hash);
    }

    /**
     * A list size the words of {@code text} rarely outgrow: a Russian word with its space or comma is seven or eight
     * characters, but short prepositions and conjunctions are frequent, so the estimate is generous (growing a list
     * of a page's words copied it several times and was a twentieth of a build's CPU).
     */
    private static int expectedWords(String text) {
        return text.length() / 5 + 16;
    }

    /** Passes each folded word of {@code text} to {@code words}, in order. */
    private static void scan(String text, WordSink words) {
        char[] word = new char[32];
        int len = 0;
        int hash = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            int lower; // the folded letter or digit, or -1 for a separator
            int width = 1;
            if (c < 0x80) { // ASCII, the common case besides Cyrillic
                lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : c >= 'A' && c <= 'Z' ? c + 32 : -1;
            } else if (c >= '\u0410' && c <= '\u044F') { // А..я
                lower = c <= '\u042F' ? c + 32 : c;
            } else if (c == 'ё' || c == 'Ё') {
                lower = 'е';
            } else { // everything else as Character decides, by code point
                int cp = text.codePointAt(i);
                width = Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    int l = Character.toLowerCase(cp);
                    lower = l == 'ё' ? 'е' : l;
                } else {
                    lower = -1;
                }
            }
            i += width;
            if (lower >= 0) {
                if (len + 2 > word.length) {
                    word = java.util.Arrays.copyOf(word, word.length * 2);
                }
                if (lower < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    word[len++] = (char) lower;
                    hash = 31 * hash + lower;
                } else {
                    len += Character.toChars(lower, word, len);
                    hash = 31 * (31 * hash + word[len - 2]) + word[len - 1];
                }
            } else if (len > 0) {
                words.word(word, len, hash);
                len = 0;
                hash = 0;
            }
        }
        if (len > 0) {
            words.word(word, len, hash);
        }
    }

    static boolean isStopWord(String word) {
        return STOP_LOOKUP.contains(word);
    }

    /** Index terms of the text in order: stems of the words that are not stop words. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>(expectedWords(text));
        WordTable table = WORD_TABLES.get();
        scan(text, (word, len, hash) -> {
            String stem = table.stem(word, len, hash);
            if (stem != STOP) {
                out.add(stem);
            }
        });
        return out;
    }

    /** The stem of one already folded word. */
    static String stem(String word) {
        String cached = STEMS.get(word);
        if (cached != null) {
            return cached;
        }
        String stem = stemWithLucene(word);
        if (STEMS.size() < 500_000) {
            STEMS.put(word, stem);
        }
        return stem;
    }

    private static String stemWithLucene(String word) {
        try (TokenStream ts = STEMMER.tokenStream("t", new StringReader(word))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : word;
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("stemming from a string cannot fail", e);
        }
    }

    /** Lucene's default Russian stop words, folded the same way as text, sorted. */
    static SortedSet<String> stopWords() {
        return STOP_WORDS;
    }

    private static SortedSet<String> loadStopWords() {
        CharArraySet set = RussianAnalyzer.getDefaultStopSet();
        Set<String> out = new TreeSet<>();
        for (Object o : set) {
            out.add(new String((char[]) o).toLowerCase(Locale.ROOT).replace('ё', 'е'));
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(out));
    }

    /**
     * One thread's memory of the words it has seen: folded characters → stem (or {@link #STOP}) and the stem's id in
     * the last term table that asked (by {@link TermTable#serial}, so no table is kept alive). A page's words are
     * looked up by their characters and the hash computed while scanning them, so a word seen before costs no string,
     * no second hashing and no shared-map lookup (making a string per word and hashing it for the stop list and the
     * stem map was a tenth of the search analysis). Open addressing; past {@link #MAX_WORDS} words it only looks up.
     */
    private static final class WordTable {
        static final int MAX_WORDS = 1 << 17;
        private char[][] keys = new char[1 << 12][];
        private String[] stems = new String[1 << 12];
        private int[] hashes = new int[1 << 12];
        /** The word's id in the term table with serial {@link #serials}[i] (0: none yet). */
        private int[] ids = new int[1 << 12];
        private int[] serials = new int[1 << 12];
        private int size;

        String stem(char[] word, int len, int hash) {
            int slot = slot(word, len, hash);
            return slot >= 0 ? stems[slot] : stemOf(word, len);
        }

        /** The id of the word's stem in {@code table}, or -1 for a stop word. */
        int id(char[] word, int len, int hash, TermTable table) {
            int slot = slot(word, len, hash);
            if (slot < 0) { // the table is full: nothing remembered
                String stem = stemOf(word, len);
                return stem == STOP ? -1 : table.id(stem);
            }
            String stem = stems[slot];
            if (stem == STOP) {
                return -1;
            }
            if (serials[slot] != table.serial) {
                ids[slot] = table.id(stem);
                serials[slot] = table.serial;
            }
            return ids[slot];
        }

        private static String stemOf(char[] word, int len) {
            String w = new String(word, 0, len);
            return isStopWord(w) ? STOP : RussianText.stem(w);
        }

        /** The word's slot, added when new; negative when it is new and the table is full. */
        private int slot(char[] word, int len, int hash) {
            int mask = keys.length - 1;
            int i = mix(hash) & mask;
            for (; ; i = (i + 1) & mask) {
                char[] key = keys[i];
                if (key == null) {
                    break;
                }
                if (hashes[i] == hash && key.length == len && same(key, word, len)) {
                    return i;
                }
            }
            if (size >= MAX_WORDS) {
                return -1;
            }
            String stem = stemOf(word, len);
            if (2 * (size + 1) > keys.length) {
                grow();
                i = free(hash);
            }
            keys[i] = java.util.Arrays.copyOf(word, len);
            hashes[i] = hash;
            stems[i] = stem;
            size++;
            return i;
        }

        /** Words are short: a plain loop beats the vectorised comparison's setup. */
        private static boolean same(char[] key, char[] word, int len) {
            for (int k = 0; k < len; k++) {
                if (key[k] != word[k]) {
                    return false;
                }
            }
            return true;
        }

        private int free(int hash) {
            int mask = keys.length - 1;
            int i = mix(hash) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }

        private void grow() {
            char[][] oldKeys = keys;
            String[] oldStems = stems;
            int[] oldHashes = hashes;
            int[] oldIds = ids;
            int[] oldSerials = serials;
            int n = oldKeys.length * 2;
            keys = new char[n][];
            stems = new String[n];
            hashes = new int[n];
            ids = new int[n];
            serials = new int[n];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int j = free(oldHashes[i]);
                    keys[j] = oldKeys[i];
                    hashes[j] = oldHashes[i];
                    stems[j] = oldStems[i];
                    ids[j] = oldIds[i];
                    serials[j] = oldSerials[i];
                }
            }
        }
    }
}
