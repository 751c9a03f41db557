package vitrina.generator.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A thread-safe, capped collector of problems (like jsoup's {@code ParseErrorList.tracking}).
 * Past the cap, problems are counted but not kept, so a pathological input cannot exhaust memory.
 */
public final class Problems {
    /** Orders problems the way a person reads a report: by file, then position, then code. */
    public static final Comparator<Problem> READING_ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::code)
            .thenComparing(Problem::message);

    private final int cap;
    private final List<Problem> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    private Problems(int cap) {
        this.cap = cap;
    }

    public static Problems tracking(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        return new Problems(cap);
    }

    public synchronized void add(Problem p) {
        if (p.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < cap) {
            kept.add(p);
        }
    }

    public void addAll(Iterable<Problem> ps) {
        for (Problem p : ps) {
            add(p);
        }
    }

    /** All kept problems in reading order. */
    public synchronized List<Problem> all() {
        List<Problem> copy = new ArrayList<>(kept);
        copy.sort(READING_ORDER);
        return List.copyOf(copy);
    }

    public synchronized int errorCount() {
        return errors;
    }

    public synchronized int warningCount() {
        return warnings;
    }

    /** How many problems were counted but not kept because of the cap. */
    public synchronized int dropped() {
        return errors + warnings - kept.size();
    }

    public synchronized boolean hasErrors() {
        return errors > 0;
    }
}
