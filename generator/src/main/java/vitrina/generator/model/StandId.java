package vitrina.generator.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A stand's folder name and URL segment: lowercase latin letters, digits and single hyphens. */
public record StandId(String value) implements Comparable<StandId> {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public StandId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid stand id: " + value);
        }
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 80 && VALID.matcher(s).matches();
    }

    @Override
    public int compareTo(StandId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
