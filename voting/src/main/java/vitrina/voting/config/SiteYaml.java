package vitrina.voting.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the {@code voting:} section (from, to) of the site's content/site.yaml. */
final class SiteYaml {
    record Voting(LocalDate from, LocalDate to) {}

    private SiteYaml() {}

    static Voting readVoting(Path siteYaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(siteYaml.toFile());
        } catch (IOException e) {
            throw new ConfigException("Не удалось прочитать " + siteYaml + ": " + e.getMessage(), e);
        }
        JsonNode voting = root == null ? null : root.get("voting");
        if (voting == null || !voting.isObject()) {
            throw new ConfigException("В " + siteYaml + " нет раздела voting: — на сайте голосование выключено.");
        }
        return new Voting(date(voting, "from", siteYaml), date(voting, "to", siteYaml));
    }

    private static LocalDate date(JsonNode voting, String field, Path file) {
        JsonNode n = voting.get(field);
        if (n == null || n.asText().isBlank()) return null;
        try {
            return LocalDate.parse(n.asText().strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException(file + ": voting." + field + " — ожидалась дата ГГГГ-ММ-ДД, получено «" + n.asText() + "».");
        }
    }
}
