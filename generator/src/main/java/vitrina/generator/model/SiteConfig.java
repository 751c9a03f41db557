package vitrina.generator.model;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exhibition settings from site.yaml, validated.
 *
 * @param title        exhibition title
 * @param baseUrl      the site's base URL as written (may hold a Cyrillic host); ends with "/"
 * @param asciiBaseUrl the same with the host in punycode, for sitemap and canonical links; ends with "/"
 * @param language     "ru"
 * @param from         first day of the exposition (nullable)
 * @param to           last day of the exposition (nullable)
 * @param contacts     organizers' contacts (nullable)
 * @param nominations  nominations in the order written
 * @param voting       voting settings, or null when the site has no voting
 * @param evaluation   evaluation settings, or null
 * @param limits       size limits (defaults when absent)
 * @param theme        theme folder name or path from site.yaml ({@code theme:}), or null for the default
 */
public record SiteConfig(String title, String baseUrl, String asciiBaseUrl, String language,
                         LocalDate from, LocalDate to, Contacts contacts, List<Nomination> nominations,
                         Voting voting, Evaluation evaluation, Limits limits, String theme) {

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(asciiBaseUrl, "asciiBaseUrl");
        nominations = List.copyOf(nominations);
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    public Optional<Nomination> findNomination(String id) {
        return nominations.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Organizers' contacts. Any field may be null. */
    public record Contacts(String phone, String hours, String email) {
    }

    /** The voting period and the voting service's public endpoint. */
    public record Voting(URI endpoint, LocalDate from, LocalDate to) {
    }

    /**
     * How indicators combine into the rating.
     *
     * @param weights   indicator name (experts, votes, views, surveys, authorities) to weight, sorted
     * @param top       size of the "N best" list
     * @param published whether results pages appear on the site
     */
    public record Evaluation(Map<String, Double> weights, int top, boolean published) {
        public Evaluation {
            weights = Map.copyOf(weights);
        }
    }

    /** Size limits in megabytes. */
    public record Limits(int fileMb, int standMb) {
        public static final Limits DEFAULT = new Limits(50, 500);

        public long fileBytes() {
            return fileMb * 1024L * 1024L;
        }

        public long standBytes() {
            return standMb * 1024L * 1024L;
        }
    }
}
