package vitrina.generator.content;

import java.io.IOException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.SiteConfig;

/** Reads and validates site.yaml into a {@link SiteConfig}; any error there is fatal for the build. */
final class SiteReader {
    static final String FILE = "site.yaml";
    private static final List<String> KNOWN = List.of("title", "base_url", "language", "exposition", "contacts",
            "nominations", "voting", "evaluation", "limits", "theme");
    private static final List<String> INDICATORS = List.of("experts", "votes", "views", "surveys", "authorities");
    private static final Pattern URL = Pattern.compile("(https?)://([^/:?#\\s]+)(:\\d{1,5})?(/[^?#\\s]*)?");
    static final Pattern NOMINATION_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private SiteReader() {
    }

    static Optional<SiteConfig> read(Path contentDir, Issues issues) {
        Issues.At out = issues.in(FILE);
        Path file = contentDir.resolve(FILE);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            out.error(0, 0, "site.file.missing", "Нет файла site.yaml с настройками выставки.",
                    "Создайте content/site.yaml с полями title, base_url и nominations (образец — в CONTENT.md).");
            return Optional.empty();
        }
        try {
            Optional<YamlNode> root = TextReader.read(file, out).flatMap(t -> YamlReader.parse(t, 0, out));
            if (root.isEmpty()) {
                return Optional.empty();
            }
            if (!root.get().isMap()) {
                out.error(root.get(), "site.field.type", "site.yaml должен состоять из полей вида «title: ...».",
                        "Начните файл со строки: title: \"Название выставки\"");
                return Optional.empty();
            }
            SiteConfig site = parse(Fields.root(root.get(), out, "site"));
            return issues.hasErrors() ? Optional.empty() : Optional.ofNullable(site);
        } catch (IOException e) {
            out.error(0, 0, "site.file.unreadable", "Не удалось прочитать site.yaml: " + e.getMessage(),
                    "Проверьте права доступа к файлу.");
            return Optional.empty();
        }
    }

    private static SiteConfig parse(Fields f) {
        f.allowOnly(KNOWN);
        String title = f.requireText("title", "title: \"Название выставки\"");
        String baseUrl = f.requireText("base_url", "base_url: \"https://vystavka.example.ru/\"");
        String ascii = baseUrl == null ? null : asciiUrl(baseUrl, f);
        String language = Optional.ofNullable(f.text("language")).orElse("ru");
        LocalDate from = null;
        LocalDate to = null;
        Fields expo = f.nested("exposition");
        if (expo != null) {
            expo.allowOnly(List.of("from", "to"));
            from = expo.date("from");
            to = expo.date("to");
            checkOrder(from, to, expo, "exposition");
        }
        SiteConfig.Contacts contacts = null;
        Fields c = f.nested("contacts");
        if (c != null) {
            c.allowOnly(List.of("phone", "hours", "email"));
            contacts = new SiteConfig.Contacts(c.text("phone"), c.text("hours"), c.text("email"));
        }
        List<Nomination> nominations = nominations(f);
        SiteConfig.Voting voting = voting(f);
        SiteConfig.Evaluation evaluation = evaluation(f);
        SiteConfig.Limits limits = limits(f);
        String theme = f.text("theme");
        if (title == null || ascii == null) {
            return null;
        }
        String written = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new SiteConfig(title, written, ascii, language, from, to, contacts, nominations, voting, evaluation,
                limits, theme);
    }

    /** The base URL with its host in punycode (IDN.toASCII), the path kept, ending with a slash. */
    static String asciiUrl(String url, Fields f) {
        Matcher m = URL.matcher(url);
        String host = null;
        if (m.matches()) {
            try {
                host = IDN.toASCII(m.group(2), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                host = null;
            }
        }
        if (host == null) {
            f.out().error(f.entry("base_url").value(), "site.base-url.invalid", "Поле «base_url»: «" + url + "» — не адрес сайта.",
                    "Напишите полный адрес: base_url: \"https://школатворчества.рф/\"");
            return null;
        }
        String path = m.group(4) == null ? "/" : m.group(4);
        return m.group(1) + "://" + host + (m.group(3) == null ? "" : m.group(3)) + (path.endsWith("/") ? path : path + "/");
    }

    private static List<Nomination> nominations(Fields f) {
        List<Nomination> result = new ArrayList<>();
        if (!f.require("nominations", "nominations: [{ id: innovation, title: \"Инновационные подходы\" }]")) {
            return result;
        }
        List<YamlNode> items = f.list("nominations");
        Set<String> seen = new HashSet<>();
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            if (!item.isMap()) {
                f.out().error(item, "site.nomination.invalid", "Номинация должна иметь поля id и title, а записано " + item.describe() + ".",
                        "Пишите так: - { id: innovation, title: \"Инновационные подходы\" }");
                continue;
            }
            Fields n = new Fields(item, f.out(), "site", "nominations.", item.line(), item.column());
            n.allowOnly(List.of("id", "title"));
            String id = n.requireText("id", "id: innovation");
            String title = n.requireText("title", "title: \"Название номинации\"");
            if (id != null && !NOMINATION_ID.matcher(id).matches()) {
                n.out().error(n.entry("id").value(), "site.nomination.invalid-id", "Id номинации «" + id + "» должен состоять из строчных латинских букв, цифр и дефисов.",
                        "Например: id: " + Optional.of(vitrina.generator.model.Translit.slug(id)).filter(s -> !s.isEmpty()).orElse("innovation"));
            } else if (id != null && !seen.add(id)) {
                n.out().error(n.entry("id").value(), "site.nomination.duplicate", "Номинация «" + id + "» указана дважды.",
                        "У каждой номинации должен быть свой id.");
            } else if (id != null && title != null) {
                result.add(new Nomination(id, title));
            }
        }
        return result;
    }

    private static SiteConfig.Voting voting(Fields f) {
        Fields v = f.nested("voting");
        if (v == null) {
            return null;
        }
        v.allowOnly(List.of("endpoint", "from", "to"));
        String endpoint = v.requireText("endpoint", "endpoint: \"https://vote.example.org\"");
        LocalDate from = v.date("from");
        LocalDate to = v.date("to");
        checkOrder(from, to, v, "voting");
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    uri = null;
                }
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null) {
                v.out().error(v.entry("endpoint").value(), "site.voting.endpoint", "Поле «voting.endpoint»: «" + endpoint + "» — не адрес сервиса голосования.",
                        "Напишите адрес целиком, латиницей: endpoint: \"https://vote.example.org\"");
            }
        }
        return uri == null ? null : new SiteConfig.Voting(uri, from, to);
    }

    private static SiteConfig.Evaluation evaluation(Fields f) {
        Fields e = f.nested("evaluation");
        if (e == null) {
            return null;
        }
        e.allowOnly(List.of("weights", "top", "published"));
        TreeMap<String, Double> weights = new TreeMap<>();
        Fields w = e.nested("weights");
        if (w != null) {
            w.allowOnly(INDICATORS);
            for (String k : INDICATORS) {
                Double d = w.number(k);
                if (d != null && (d < 0 || d.isNaN() || d.isInfinite())) {
                    w.out().error(w.entry(k).value(), "site.evaluation.weight", "Вес «" + k + "» не может быть отрицательным.",
                            "Укажите число от 0 до 1, например: " + k + ": 0.5");
                } else if (d != null) {
                    weights.put(k, d);
                }
            }
        }
        Integer top = e.integer("top");
        if (top != null && top < 1) {
            e.out().error(e.entry("top").value(), "site.evaluation.top", "Поле «evaluation.top» должно быть больше нуля.",
                    "Например: top: 900");
        }
        Boolean published = e.bool("published");
        return new SiteConfig.Evaluation(weights, top == null || top < 1 ? 0 : top, Boolean.TRUE.equals(published));
    }

    private static SiteConfig.Limits limits(Fields f) {
        Fields l = f.nested("limits");
        if (l == null) {
            return SiteConfig.Limits.DEFAULT;
        }
        l.allowOnly(List.of("file_mb", "stand_mb"));
        Integer file = positive(l, "file_mb");
        Integer stand = positive(l, "stand_mb");
        return new SiteConfig.Limits(file == null ? SiteConfig.Limits.DEFAULT.fileMb() : file,
                stand == null ? SiteConfig.Limits.DEFAULT.standMb() : stand);
    }

    private static Integer positive(Fields l, String key) {
        Integer v = l.integer(key);
        if (v != null && v < 1) {
            l.out().error(l.entry(key).value(), "site.limits.invalid", "Поле «limits." + key + "» должно быть больше нуля.",
                    "Укажите размер в мегабайтах, например: " + key + ": 50");
            return null;
        }
        return v;
    }

    private static void checkOrder(LocalDate from, LocalDate to, Fields f, String what) {
        if (from != null && to != null && to.isBefore(from)) {
            f.out().error(f.entry("to").value(), "site.dates.order", "«" + what + ".to» (" + to + ") раньше, чем «" + what + ".from» (" + from + ").",
                    "Проверьте даты: окончание не может быть раньше начала.");
        }
    }
}
