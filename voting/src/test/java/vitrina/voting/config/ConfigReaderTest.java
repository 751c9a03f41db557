package vitrina.voting.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir Path dir;

    @Test void readsVotingPeriodFromSiteYamlAndFlagsWinOverEnvironment() throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, "title: Выставка\nvoting:\n  endpoint: \"https://vote.example.org\"\n  from: 2026-05-01\n  to: 2026-07-31\n");
        VotingConfig c = ConfigReader.read(new String[] {"--site", site.toString(), "--port=9000",
                "--db", "sqlite:" + dir.resolve("v.db")}, Map.of("VITRINA_VOTING_PORT", "8000",
                "VITRINA_VOTING_ORIGIN", "https://expo.example.org/, http://127.0.0.1:8080"));
        assertEquals(LocalDate.of(2026, 5, 1), c.period().from());
        assertEquals(LocalDate.of(2026, 7, 31), c.period().to());
        assertEquals(9000, c.port());
        assertEquals(List.of("https://expo.example.org", "http://127.0.0.1:8080"), c.origins());
        assertTrue(c.cookieSecure());
        assertTrue(Files.exists(dir.resolve("voting.secret")), "a secret is created beside the database");
        VotingConfig again = ConfigReader.read(new String[] {"--site", site.toString(), "--db", "sqlite:" + dir.resolve("v.db")}, Map.of());
        assertEquals(new String(c.secret()), new String(again.secret()));
    }

    @Test void missingPeriodAndBadValuesAreExplainedInRussian() {
        ConfigException none = assertThrows(ConfigException.class, () -> ConfigReader.read(new String[] {"--secret", "x".repeat(16)}, Map.of()));
        assertTrue(none.getMessage().contains("--site"), none.getMessage());
        ConfigException date = assertThrows(ConfigException.class,
                () -> ConfigReader.read(new String[] {"--from", "01.05.2026", "--to", "2026-07-31"}, Map.of()));
        assertTrue(date.getMessage().contains("ГГГГ-ММ-ДД"), date.getMessage());
        ConfigException flag = assertThrows(ConfigException.class, () -> ConfigReader.read(new String[] {"--prot", "1"}, Map.of()));
        assertTrue(flag.getMessage().contains("--prot"));
        ConfigException weak = assertThrows(ConfigException.class, () -> ConfigReader.read(
                new String[] {"--from", "2026-05-01", "--to", "2026-05-02", "--pow-bits", "2", "--secret", "x".repeat(16)}, Map.of()));
        assertTrue(weak.getMessage().contains("--benchmark-insecure"));
    }

    @Test void standsListIgnoresUnknownFields() throws Exception {
        Path f = dir.resolve("stands.json");
        Files.writeString(f, "{\"stands\":[{\"id\":\"a\",\"nominations\":[\"x\"],\"extra\":1},{\"name\":\"no id\"}],\"more\":true}");
        StandsSource s = new StandsSource(f.toString());
        assertEquals(Map.of("a", List.of("x")), s.reload().asMap());
        assertEquals(1, s.current().size());
    }
}
