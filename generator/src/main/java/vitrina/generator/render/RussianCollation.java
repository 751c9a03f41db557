package vitrina.generator.render;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders names the way a Russian reader expects: letters by the Russian collation (ё beside е, case only as a
 * tie-break) and runs of digits by their value, so «№ 5» comes before «№ 12». Equal names fall back to plain
 * code-point order, which keeps the order total and deterministic. Thread-safe.
 *
 * <p>Each name is cut into chunks and its collation keys made once ({@link #key}, kept for the names seen): sorting
 * 50,000 stands compares names about a million times, and the collator behind it is synchronized.
 */
public final class RussianCollation implements Comparator<String> {
    /** A shared instance; the underlying collator is synchronized, so sharing across threads is safe. */
    public static final RussianCollation INSTANCE = new RussianCollation();

    /** Names seen at most: past it the kept keys are dropped (a long-running preview meets new names forever). */
    private static final int KEPT = 500_000;

    private final Collator collator;
    private final java.util.concurrent.ConcurrentHashMap<String, Key> keys = new java.util.concurrent.ConcurrentHashMap<>();

    public RussianCollation() {
        collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        collator.setStrength(Collator.TERTIARY);
    }

    @Override
    public int compare(String a, String b) {
        return key(a).compareTo(key(b));
    }

    /** The name's sort key: comparing keys orders as {@link #compareDirectly} does. */
    Key key(String name) {
        Key k = keys.get(name);
        if (k == null) {
            if (keys.size() >= KEPT) {
                keys.clear();
            }
            k = new Key(name);
            keys.put(name, k);
        }
        return k;
    }

    /** A name cut into chunks: runs of digits (leading zeros stripped) and collation keys of the rest. */
    final class Key implements Comparable<Key> {
        private final String name;
        /** Per chunk: a {@link String} of digits or a {@link CollationKey}. */
        private final Object[] chunks;

        private Key(String name) {
            this.name = name;
            List<String> parts = chunks(name);
            chunks = new Object[parts.size()];
            synchronized (collator) {
                for (int i = 0; i < chunks.length; i++) {
                    String part = parts.get(i);
                    chunks[i] = isDigits(part) ? stripZeros(part) : collator.getCollationKey(part);
                }
            }
        }

        @Override
        public int compareTo(Key other) {
            int n = Math.min(chunks.length, other.chunks.length);
            for (int i = 0; i < n; i++) {
                Object x = chunks[i];
                Object y = other.chunks[i];
                int c;
                if (x instanceof String dx && y instanceof String dy) {
                    int byLength = Integer.compare(dx.length(), dy.length());
                    c = byLength != 0 ? byLength : dx.compareTo(dy);
                } else {
                    c = collationKey(i, x).compareTo(other.collationKey(i, y));
                }
                if (c != 0) {
                    return c;
                }
            }
            int bySize = Integer.compare(chunks.length, other.chunks.length);
            return bySize != 0 ? bySize : name.compareTo(other.name);
        }

        /** A digits chunk compared with a text chunk is compared as text, as the collator would. */
        private CollationKey collationKey(int i, Object chunk) {
            if (chunk instanceof CollationKey k) {
                return k;
            }
            synchronized (collator) {
                return collator.getCollationKey(chunks(name).get(i));
            }
        }
    }

    /** The comparison itself, without keys (what {@link Key} must agree with). */
    int compareDirectly(String a, String b) {
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
