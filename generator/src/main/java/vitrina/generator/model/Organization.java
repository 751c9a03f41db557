package vitrina.generator.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who the organization behind a stand is (stand.yaml), validated.
 *
 * @param name      full official name
 * @param shortName short name for cards and lists
 * @param type      organization type
 * @param region    subject of the Russian Federation
 * @param city      city or settlement
 * @param address   postal address (nullable)
 * @param inn       10-digit INN, checksum valid
 * @param ogrn      13-digit OGRN, checksum valid
 * @param license   educational licence, or null for culture and sport
 * @param founded   year founded
 * @param website   organization's own site (nullable)
 * @param head      the head of the organization (nullable)
 * @param summary   one or two sentences for the catalog and search (may be empty)
 */
public record Organization(String name, String shortName, OrgType type, Region region, String city,
                           String address, String inn, String ogrn, License license, int founded,
                           String website, Head head, String summary) {

    public Organization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(city, "city");
        summary = summary == null ? "" : summary;
    }

    /** An educational licence: number and date of issue. */
    public record License(String number, LocalDate date) {
    }

    /** The head of the organization: full name and position. */
    public record Head(String name, String position) {
    }
}
