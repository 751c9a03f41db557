package vitrina.voting.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vitrina.voting.vote.VotingPeriod;

/**
 * Reads {@link VotingConfig} from {@code --name value} / {@code --name=value} flags and
 * {@code VITRINA_VOTING_NAME} environment variables (flags win). Unknown flags are errors.
 */
public final class ConfigReader {
    static final Set<String> KNOWN = Set.of("host", "port", "db", "db-schema", "stands", "stands-reload", "site",
            "from", "to", "per-day", "origin", "admin-token", "secret", "secret-file", "pow-bits", "pow-ttl",
            "rate-global", "rate-ip", "ip-soft-cap", "stand-burst", "max-body", "trust-proxy", "cookie-samesite",
            "benchmark-insecure");
    private static final Set<String> SWITCHES = Set.of("per-day", "trust-proxy", "benchmark-insecure");

    private final Map<String, String> values = new HashMap<>();

    private ConfigReader() {}

    public static VotingConfig read(String[] args, Map<String, String> env) {
        ConfigReader r = new ConfigReader();
        for (String k : KNOWN) {
            String v = env.get("VITRINA_VOTING_" + k.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (v != null && !v.isEmpty()) r.values.put(k, v);
        }
        r.parseArgs(args);
        return r.build();
    }

    private void parseArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new ConfigException("Непонятный аргумент «" + a + "»: ожидался флаг вида --имя значение.");
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!KNOWN.contains(name)) throw new ConfigException("Неизвестный флаг --" + name + ". Известные: " + KNOWN.stream().sorted().toList());
            if (value == null) {
                if (SWITCHES.contains(name)) value = "true";
                else if (i + 1 < args.length) value = args[++i];
                else throw new ConfigException("После --" + name + " нужно значение.");
            }
            values.put(name, value);
        }
    }

    private VotingConfig build() {
        List<String> origins = Arrays.stream(str("origin", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.replaceAll("/+$", "")).toList();
        String db = str("db", "sqlite:votes.db");
        String sameSite = str("cookie-samesite", "Lax");
        if (!sameSite.equals("Lax") && !sameSite.equals("None") && !sameSite.equals("Strict")) {
            throw new ConfigException("--cookie-samesite: ожидалось Lax, Strict или None, получено «" + sameSite + "».");
        }
        boolean https = origins.stream().anyMatch(o -> o.startsWith("https://"));
        if (sameSite.equals("None") && !https) {
            throw new ConfigException("--cookie-samesite None работает только с сайтом на https (браузеры требуют Secure).");
        }
        int powBits = integer("pow-bits", 17);
        boolean bench = bool("benchmark-insecure");
        if (!bench && powBits < 8) throw new ConfigException("--pow-bits меньше 8 разрешён только с --benchmark-insecure.");
        return new VotingConfig(str("host", "0.0.0.0"), integer("port", 7070), db, str("db-schema", "public"),
                str("stands", "site-output/data/stands.json"), Duration.ofSeconds(integer("stands-reload", 60)),
                period(), bool("per-day"), origins, str("admin-token", ""), secret(db), powBits,
                Duration.ofSeconds(integer("pow-ttl", 300)), dbl("rate-global", 2000), dbl("rate-ip", 120),
                integer("ip-soft-cap", 300), integer("stand-burst", 600), integer("max-body", 4096),
                bool("trust-proxy"), sameSite, https, bench);
    }

    private VotingPeriod period() {
        LocalDate from = null;
        LocalDate to = null;
        if (values.containsKey("site")) {
            SiteYaml.Voting v = SiteYaml.readVoting(Path.of(values.get("site")));
            from = v.from();
            to = v.to();
        }
        if (values.containsKey("from")) from = date("from");
        if (values.containsKey("to")) to = date("to");
        if (from == null || to == null) {
            throw new ConfigException("Не задан период голосования: укажите --site content/site.yaml (раздел voting: from/to) или --from и --to (ГГГГ-ММ-ДД).");
        }
        if (to.isBefore(from)) throw new ConfigException("Период голосования заканчивается (" + to + ") раньше, чем начинается (" + from + ").");
        return new VotingPeriod(from, to);
    }

    private byte[] secret(String db) {
        if (values.containsKey("secret")) {
            byte[] s = values.get("secret").getBytes(StandardCharsets.UTF_8);
            if (s.length < 16) throw new ConfigException("--secret слишком короткий: нужно не меньше 16 символов.");
            return s;
        }
        Path file = values.containsKey("secret-file") ? Path.of(values.get("secret-file"))
                : db.startsWith("postgres") || db.startsWith("jdbc:") ? Path.of("voting.secret")
                : siblingOf(Path.of(db.startsWith("sqlite:") ? db.substring(7) : db), "voting.secret");
        try {
            if (Files.exists(file)) return HexFormat.of().parseHex(Files.readString(file).strip());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return fresh;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Не удалось прочитать или создать файл секрета " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path siblingOf(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private String str(String k, String def) { return values.getOrDefault(k, def); }

    private boolean bool(String k) { return Boolean.parseBoolean(values.getOrDefault(k, "false")); }

    private int integer(String k, int def) {
        try {
            return values.containsKey(k) ? Integer.parseInt(values.get(k)) : def;
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + k + ": ожидалось целое число, получено «" + values.get(k) + "».");
        }
    }

    private double dbl(String k, double def) {
        try {
            return values.containsKey(k) ? Double.parseDouble(values.get(k)) : def;
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + k + ": ожидалось число, получено «" + values.get(k) + "».");
        }
    }

    private LocalDate date(String k) {
        try {
            return LocalDate.parse(values.get(k));
        } catch (DateTimeParseException e) {
            throw new ConfigException("--" + k + ": ожидалась дата ГГГГ-ММ-ДД, получено «" + values.get(k) + "».");
        }
    }
}
