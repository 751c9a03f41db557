package vitrina.generator.model;

/**
 * A subject of the Russian Federation by its two-digit code (as in INN and vehicle plates).
 *
 * @param code the numeric code, e.g. 23
 * @param name the official Russian name, e.g. «Краснодарский край»
 */
public record Region(int code, String name) implements Comparable<Region> {
    /** The code as written in URLs and reports: two digits ({@code 01}, {@code 23}). */
    public String slug() {
        return String.format("%02d", code);
    }

    @Override
    public int compareTo(Region o) {
        return Integer.compare(code, o.code);
    }
}
