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

    private RussianText() {
    }

    /** Lowercased words with ё folded to е, in text order, stop words included. */
    static List<String> words(String text) {
        // a Russian word with its space is about seven characters: sized once, not grown a dozen times a page
        List<String> out = new ArrayList<>(text.length() / 7 + 8);
        char[] word = new char[32];
        int len = 0;
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
                len += Character.toChars(lower, word, len);
            } else if (len > 0) {
                out.add(new String(word, 0, len));
                len = 0;
            }
        }
        if (len > 0) {
            out.add(new String(word, 0, len));
        }
        return out;
    }

    static boolean isStopWord(String word) {
        return STOP_LOOKUP.contains(word);
    }

    /** Index terms of the text in order: stems of the words that are not stop words. */
    static List<String> terms(String text) {
        List<String> words = words(text);
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (!isStopWord(w)) {
                out.add(stem(w));
            }
        }
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
}
