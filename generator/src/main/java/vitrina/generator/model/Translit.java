package vitrina.generator.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns Russian (and other) text into lowercase latin URL segments: «Гимназия №5» → {@code gimnaziya-5}.
 * Uses a simplified ГОСТ 7.79-2000 (system B) / passport-style scheme that reads naturally in URLs.
 */
public final class Translit {
    private static final String[] CYR = new String[0x100];

    static {
        String[][] pairs = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "yo"}, {"ж", "zh"},
            {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
            {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
            {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
            {"я", "ya"}, {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"},
        };
        for (String[] p : pairs) {
            CYR[p[0].charAt(0) - 0x400] = p[1];
        }
    }

    private Translit() {
    }

    /** Transliterates without changing separators: «Школа» → {@code shkola}. */
    public static String latin(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 0x400 && c < 0x500 && CYR[c - 0x400] != null) {
                String t = CYR[c - 0x400];
                // «ия» at the end of a word reads better as "iya"; the table already gives i + ya
                sb.append(t);
            } else {
                sb.append(c);
            }
        }
        // strip accents from any remaining latin letters (é → e)
        return Normalizer.normalize(sb, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * A URL slug: transliterated, lowercase, runs of anything but {@code [a-z0-9]} collapsed to one hyphen,
     * trimmed of hyphens, at most {@code maxLength} characters (cut at a hyphen where possible).
     * Returns an empty string when nothing usable remains.
     */
    public static String slug(String text, int maxLength) {
        String s = latin(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > maxLength) {
            s = s.substring(0, maxLength);
            int cut = s.lastIndexOf('-');
            if (cut > maxLength / 2) {
                s = s.substring(0, cut);
            }
            s = s.replaceAll("-+$", "");
        }
        return s;
    }

    public static String slug(String text) {
        return slug(text, 80);
    }

    /**
     * A file name for URLs: the base name slugged, the extension lowercased and kept.
     * «Программа развития.PDF» → {@code programma-razvitiya.pdf}.
     */
    public static String fileName(String original) {
        int dot = original.lastIndexOf('.');
        String base = dot > 0 ? original.substring(0, dot) : original;
        String ext = dot > 0 ? original.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") : "";
        String slug = slug(base, 100);
        if (slug.isEmpty()) {
            slug = "file";
        }
        return ext.isEmpty() ? slug : slug + "." + ext;
    }
}
