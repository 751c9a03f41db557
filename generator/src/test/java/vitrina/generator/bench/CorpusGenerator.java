package vitrina.generator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic exhibition of N stands with realistic Russian text for benchmarks: stand.yaml with valid
 * INN/OGRN, 5 Markdown pages of 600–1500 words each, a moderation.yaml approving all. Deterministic for a seed.
 * Usage: {@code CorpusGenerator <dir> <stands> [--edit-percent P] [--seed S]} — with --edit-percent it edits P% of
 * an existing corpus instead (one paragraph appended to index.md).
 */
public final class CorpusGenerator {
    private static final String[] TYPES = {"school", "gymnasium", "lyceum", "kindergarten", "college",
        "additional-education"};
    private static final int[] REGIONS = {1, 2, 16, 23, 24, 25, 33, 38, 50, 52, 54, 59, 61, 63, 66, 74, 77, 78, 91};
    private static final String[] SECTIONS = {"index", "methods", "projects", "achievements", "partners"};
    private static final String[] WORDS = ("школа школы школе школу школой школ школам учитель учителя учителей "
            + "ученик ученики учеников урок уроки уроков методика методики методикой методик педагог педагоги "
            + "педагогический педагогическая педагогического проект проекты проекта проектов проектной "
            + "олимпиада олимпиады олимпиаде олимпиадой олимпиад конкурс конкурса конкурсе победитель призёр "
            + "гимназия гимназии лицей лицея колледж детский сад воспитатель воспитание воспитательной работы "
            + "развитие развития программа программы программе образования образовательной образовательные "
            + "технологии технология цифровой цифровые обучение обучения занятие занятия кружок кружка "
            + "исследование исследовательской деятельность деятельности родители родителей сотрудничество "
            + "музей музея экскурсия экскурсии краеведение краеведческий театр театральной спорт спортивной "
            + "робототехника робототехники технопарк точка роста лаборатория лаборатории эксперимент опыт "
            + "наставничество наставник молодые специалисты семинар семинара вебинар конференция методическое "
            + "объединение учебный год четверть результаты результатов качество качества оценка мониторинг "
            + "инклюзивное дети детей ребёнок ребёнка семья семьи здоровье здоровьесберегающие питание "
            + "и в на с по для от к о из у за при над под через между это также который которые наш наши "
            + "новый новые современный современные творческий творческие активно успешно ежегодно регулярно")
            .split(" ");

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = 42;
        double edit = -1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            } else if (args[i].equals("--edit-percent")) {
                edit = Double.parseDouble(args[++i]);
            }
        }
        if (edit >= 0) {
            System.out.println("edited " + edit(dir, n, edit, seed) + " stands");
        } else {
            generate(dir, n, seed);
            System.out.println("generated " + n + " stands in " + dir);
        }
    }

    public static void generate(Path dir, int n, long seed) throws IOException {
        Random r = new Random(seed);
        Files.createDirectories(dir.resolve("stands"));
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("site.yaml"), """
                title: "Бенчмарк: творчески работающие коллективы"
                base_url: "https://ВитринаТест.РФ/"
                language: ru
                exposition: { from: 2026-09-01, to: 2027-03-31 }
                nominations:
                  - { id: innovation, title: "Инновационные подходы в образовании" }
                  - { id: upbringing, title: "Воспитательная работа" }
                  - { id: digital, title: "Цифровая образовательная среда" }
                """);
        Files.writeString(dir.resolve("pages/about.md"), "---\ntitle: О конкурсе\n---\n# О конкурсе\n\n" + text(r, 300) + "\n");
        StringBuilder moderation = new StringBuilder("round: 1\ndate: 2026-09-10\nstands:\n");
        String[] noms = {"innovation", "upbringing", "digital"};
        for (int i = 1; i <= n; i++) {
            String id = "stand-" + i;
            Path s = Files.createDirectories(dir.resolve("stands").resolve(id));
            int region = REGIONS[r.nextInt(REGIONS.length)];
            String type = TYPES[r.nextInt(TYPES.length)];
            String inn = inn(region, r);
            Files.writeString(s.resolve("stand.yaml"), """
                    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № %d»"
                    short_name: "МБОУ СШ № %d"
                    type: %s
                    region: %d
                    city: "Город %d"
                    address: "г. Город %d, ул. Школьная, %d"
                    inn: "%s"
                    ogrn: "%s"
                    license: { number: "Л035-%05d", date: 2015-05-12 }
                    founded: %d
                    head: { name: "Иванова Мария Петровна", position: "Директор" }
                    nominations: [%s]
                    summary: "%s"
                    """.formatted(i, i, type, region, i % 500, i % 500, i % 90 + 1, inn, ogrn(r), i,
                    1950 + r.nextInt(65), noms[i % 3], sentence(r, 18)), StandardCharsets.UTF_8);
            for (String section : SECTIONS) {
                int words = 600 + r.nextInt(900);
                String title = section.equals("index") ? "О нас" : capital(WORDS[r.nextInt(60)]);
                Files.writeString(s.resolve(section + ".md"), "---\ntitle: \"" + title + "\"\n---\n# " + title
                        + "\n\n" + text(r, words) + "\n", StandardCharsets.UTF_8);
            }
            moderation.append("  ").append(id).append(": { status: approved }\n");
        }
        Files.writeString(dir.resolve("moderation.yaml"), moderation.toString());
    }

    static int edit(Path dir, int n, double percent, long seed) throws IOException {
        Random r = new Random(seed ^ System.nanoTime());
        int count = Math.max(1, (int) Math.round(n * percent / 100));
        for (int k = 0; k < count; k++) {
            Path index = dir.resolve("stands").resolve("stand-" + (1 + r.nextInt(n))).resolve("index.md");
            Files.writeString(index, Files.readString(index) + "\n" + text(r, 40) + "\n");
        }
        return count;
    }

    private static String text(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        int written = 0;
        while (written < words) {
            if (r.nextInt(6) == 0) {
                sb.append("## ").append(capital(WORDS[r.nextInt(WORDS.length)])).append(' ')
                        .append(WORDS[r.nextInt(WORDS.length)]).append("\n\n");
            }
            int len = 40 + r.nextInt(60);
            sb.append(sentence(r, len)).append("\n\n");
            written += len;
        }
        return sb.toString();
    }

    private static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // Zipf-like: small indexes far more often
            int idx = (int) Math.min(WORDS.length - 1, Math.floor(Math.pow(r.nextDouble(), 2.2) * WORDS.length));
            String w = WORDS[idx];
            sb.append(i == 0 ? capital(w) : w).append(i % 11 == 10 ? ", " : " ");
        }
        return sb.toString().strip().replaceAll(",$", "") + ".";
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A 10-digit legal-entity INN with a valid check digit, starting with the region code. */
    static String inn(int region, Random r) {
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        String body = String.format("%02d%07d", region, r.nextInt(10_000_000));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + (sum % 11) % 10;
    }

    /** A 13-digit OGRN with a valid check digit. */
    static String ogrn(Random r) {
        String body = "10" + String.format("%010d", (long) (r.nextDouble() * 9_999_999_999L));
        long check = Long.parseLong(body) % 11 % 10;
        return body + check;
    }

    static List<String> sections() {
        return List.of(SECTIONS);
    }
}
