package vitrina.generator.render;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders names the way a Russian reader expects: letters by the Russian collation (ё beside е, case only as a
 * tie-break) and runs of digits by their value, so «№ 5» comes before «№ 12». Equal names fall back to plain
 * code-point order, which keeps the order total and deterministic. Thread-safe.
 */
public final class RussianCollation implements Comparator<String> {
    /** A shared instance; the underlying collator is synchronized, so sharing across threads is safe. */
    public static final RussianCollation INSTANCE = new RussianCollation();

    private final Collator collator;

    public RussianCollation() {
        collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        collator.setStrength(Collator.TERTIARY);
    }

    @Override
    public int compare(String a, String b) {
        List<String> left = chunks(a);
        List<String> right = chunks(b);
        int n = Math.min(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            String x = left.get(i);
            String y = right.get(i);
            int c = isDigits(x) && isDigits(y) ? compareNumbers(x, y) : collator.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        int bySize = Integer.compare(left.size(), right.size());
        return bySize != 0 ? bySize : a.compareTo(b);
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (i == s.length() || Character.isDigit(s.charAt(i)) != Character.isDigit(s.charAt(start))) {
                out.add(s.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private static boolean isDigits(String chunk) {
        return !chunk.isEmpty() && Character.isDigit(chunk.charAt(0));
    }

    private static int compareNumbers(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        int byLength = Integer.compare(a.length(), b.length());
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
