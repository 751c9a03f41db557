package vitrina.generator.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Region;
import vitrina.generator.model.Regions;
import vitrina.generator.model.SiteConfig;

/**
 * Checks the meaning of stand.yaml: required fields, organization type, region, INN and OGRN check digits,
 * licence, foundation year, website and nominations. Every problem names the field and shows how to write it.
 */
final class StandValidator {
    static final List<String> KNOWN = List.of("name", "short_name", "type", "region", "city", "address", "inn", "ogrn",
            "license", "founded", "website", "head", "nominations", "logo", "cover", "summary", "sections", "materials",
            "gallery_captions");
    /** The contest rule: an organization takes part from its fifth anniversary. */
    static final int MIN_AGE_YEARS = 5;
    private static final String TYPES = Arrays.stream(OrgType.values()).map(OrgType::id).collect(Collectors.joining(", "));

    private final SiteConfig site;
    private final int contestYear;

    /** @param contestYear the year the exposition starts (or the current year): founded must be 5 years before */
    StandValidator(SiteConfig site, int contestYear) {
        this.site = site;
        this.contestYear = contestYear;
    }

    StandFile validate(Fields f) {
        f.allowOnly(KNOWN);
        String name = f.requireText("name", "name: \"Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»\"");
        String shortName = f.requireText("short_name", "short_name: \"МБОУ СОШ № 1\"");
        OrgType type = type(f);
        Region region = region(f);
        String city = f.requireText("city", "city: \"Сочи\"");
        String inn = inn(f);
        String ogrn = ogrn(f);
        Organization.License license = license(f, type);
        Integer founded = founded(f);
        String website = website(f);
        Organization.Head head = head(f);
        List<String> nominations = nominations(f);
        Organization org = null;
        if (name != null && shortName != null && type != null && region != null && city != null && inn != null
                && ogrn != null && founded != null) {
            org = new Organization(name, shortName, type, region, city, f.text("address"), inn, ogrn, license,
                    founded, website, head, f.text("summary"));
        }
        return new StandFile(org, nominations, ref(f, "logo"), ref(f, "cover"), refs(f, "sections"),
                new MaterialsReader(site).read(f), captions(f));
    }

    private static OrgType type(Fields f) {
        String id = f.requireText("type", "type: school   (" + TYPES + ")");
        if (id == null) {
            return null;
        }
        Optional<OrgType> type = OrgType.findById(id);
        if (type.isEmpty()) {
            List<String> ids = Arrays.stream(OrgType.values()).map(OrgType::id).collect(Collectors.toList());
            f.out().error(f.entry("type").value(), "stand.type.unknown", "Поле «type»: тип организации «" + id + "» не известен.",
                    Suggest.closest(id, ids).map(s -> "Возможно, вы имели в виду " + s + ". ").orElse("")
                            + "Допустимые типы: " + TYPES + ".");
        }
        return type.orElse(null);
    }

    private static Region region(Fields f) {
        if (!f.require("region", "region: 23   (код субъекта РФ: 23 — Краснодарский край, 77 — Москва)")) {
            return null;
        }
        YamlNode at = f.entry("region").value();
        String text = f.text("region");
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,3}")) {
            f.out().error(at, "stand.region.invalid", "Поле «region» должно быть числовым кодом субъекта РФ, а записано «" + text + "».",
                    "Укажите код региона числом, например: region: 23 (Краснодарский край). Коды — как в ИНН и автомобильных номерах.");
            return null;
        }
        Optional<Region> region = Regions.findByCode(Integer.parseInt(text));
        if (region.isEmpty()) {
            f.out().error(at, "stand.region.unknown", "Поле «region»: субъекта РФ с кодом " + text + " нет в справочнике.",
                    "Укажите код своего субъекта РФ из " + Regions.count() + " существующих, например: region: 77 (Москва).");
        }
        return region.orElse(null);
    }

    private static String inn(Fields f) {
        String inn = f.requireText("inn", "inn: \"2320112885\"   (10 цифр ИНН организации)");
        if (inn == null) {
            return null;
        }
        YamlNode at = f.entry("inn").value();
        if (!Identifiers.isDigits(inn, 10)) {
            f.out().error(at, "stand.inn.format", "Поле «inn»: ИНН организации — это 10 цифр, а записано «" + inn + "».",
                    "Скопируйте ИНН из выписки ЕГРЮЛ, в кавычках и без пробелов: inn: \"2320112885\"");
            return null;
        }
        if (!Identifiers.isValidInn(inn)) {
            f.out().error(at, "stand.inn.checksum", "Поле «inn»: в ИНН «" + inn + "» не сходится контрольная цифра — вероятно, опечатка.",
                    "Сверьте ИНН с выпиской ЕГРЮЛ или сайтом egrul.nalog.ru.");
            return null;
        }
        return inn;
    }

    private static String ogrn(Fields f) {
        String ogrn = f.requireText("ogrn", "ogrn: \"1032311683172\"   (13 цифр ОГРН)");
        if (ogrn == null) {
            return null;
        }
        YamlNode at = f.entry("ogrn").value();
        if (!Identifiers.isDigits(ogrn, 13)) {
            f.out().error(at, "stand.ogrn.format", "Поле «ogrn»: ОГРН — это 13 цифр, а записано «" + ogrn + "».",
                    "Скопируйте ОГРН из выписки ЕГРЮЛ, в кавычках и без пробелов: ogrn: \"1032311683172\"");
            return null;
        }
        if (!Identifiers.isValidOgrn(ogrn)) {
            f.out().error(at, "stand.ogrn.checksum", "Поле «ogrn»: в ОГРН «" + ogrn + "» не сходится контрольная цифра — вероятно, опечатка.",
                    "Сверьте ОГРН с выпиской ЕГРЮЛ или сайтом egrul.nalog.ru.");
            return null;
        }
        return ogrn;
    }

    private static Organization.License license(Fields f, OrgType type) {
        Fields l = f.nested("license");
        if (l == null) {
            if (type != null && type.requiresLicense() && f.entry("license") == null) {
                f.out().error(0, 0, "stand.license.missing", "Не указана лицензия на образовательную деятельность (поле «license»).",
                        "Добавьте строку: license: { number: \"Л035-01218-23/00000000\", date: 2015-05-12 } "
                                + "(лицензия не нужна только организациям культуры и спорта).");
            }
            return null;
        }
        l.allowOnly(List.of("number", "date"));
        String number = l.requireText("number", "number: \"Л035-01218-23/00000000\"");
        return number == null ? null : new Organization.License(number, l.date("date"));
    }

    private Integer founded(Fields f) {
        if (!f.require("founded", "founded: 1965   (год основания)")) {
            return null;
        }
        YamlNode at = f.entry("founded").value();
        String text = f.text("founded");
        if (text == null || !text.matches("\\d{4}")) {
            f.out().error(at, "stand.founded.invalid", "Поле «founded» должно быть годом из четырёх цифр, а записано «" + text + "».",
                    "Например: founded: 1965");
            return null;
        }
        int year = Integer.parseInt(text);
        if (year > contestYear - MIN_AGE_YEARS) {
            f.out().error(at, "stand.founded.too-recent", "Поле «founded»: организация основана в " + year + " году, а участвовать могут "
                            + "организации, работающие не менее " + MIN_AGE_YEARS + " лет (основанные не позже " + (contestYear - MIN_AGE_YEARS) + " года).",
                    "Проверьте год основания; если он верен, организация сможет участвовать в следующих конкурсах.");
            return null;
        }
        return year;
    }

    private static String website(Fields f) {
        String url = f.text("website");
        if (url == null) {
            return null;
        }
        boolean ok;
        try {
            URI uri = new URI(url);
            ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && (uri.getHost() != null || uri.getAuthority() != null);
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            f.out().error(f.entry("website").value(), "stand.website.invalid", "Поле «website»: «" + url + "» — не адрес сайта.",
                    "Напишите адрес полностью, с https://, например: website: \"https://school12.example.ru\"");
            return null;
        }
        return url;
    }

    private static Organization.Head head(Fields f) {
        Fields h = f.nested("head");
        if (h == null) {
            return null;
        }
        h.allowOnly(List.of("name", "position"));
        String name = h.requireText("name", "name: \"Иванова Мария Петровна\"");
        return name == null ? null : new Organization.Head(name, h.text("position"));
    }

    private List<String> nominations(Fields f) {
        List<String> result = new ArrayList<>();
        if (!f.require("nominations", "nominations: [" + site.nominations().stream().findFirst().map(n -> n.id()).orElse("innovation") + "]")) {
            return result;
        }
        List<YamlNode> items = f.scalarList("nominations");
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            String id = item.text().strip();
            if (site.findNomination(id).isEmpty()) {
                reportUnknownNomination(f.out(), item, id, site, "nominations");
            } else if (!result.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    static void reportUnknownNomination(Issues.At out, YamlNode at, String id, SiteConfig site, String field) {
        List<String> ids = site.nominations().stream().map(n -> n.id()).collect(Collectors.toList());
        out.error(at, "stand.nomination.unknown", "Поле «" + field + "»: номинации «" + id + "» нет в конкурсе.",
                Suggest.closest(id, ids).map(s -> "Возможно, вы имели в виду " + s + ". ").orElse("")
                        + "Номинации конкурса: " + String.join(", ", ids) + ".");
    }

    private static StandFile.Ref ref(Fields f, String key) {
        String text = f.text(key);
        return text == null ? null : StandFile.Ref.of(f.entry(key).value());
    }

    private static List<StandFile.Ref> refs(Fields f, String key) {
        List<YamlNode> items = f.scalarList(key);
        return items == null ? List.of() : items.stream().map(StandFile.Ref::of).collect(Collectors.toList());
    }

    private static Map<String, StandFile.Ref> captions(Fields f) {
        Map<String, StandFile.Ref> result = new LinkedHashMap<>();
        Fields c = f.nested("gallery_captions");
        if (c == null) {
            return result;
        }
        for (YamlNode.Entry e : f.entry("gallery_captions").value().entries().values()) {
            if (e.value().isScalar()) {
                result.put(e.key(), new StandFile.Ref(e.value().text().strip(), e.line(), e.column()));
            } else if (!e.value().isNull()) {
                c.wrongType(e, "текст подписи");
            }
        }
        return result;
    }
}
