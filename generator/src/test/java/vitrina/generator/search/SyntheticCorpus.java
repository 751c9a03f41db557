package vitrina.generator.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates synthetic Russian pages for the benchmark: words drawn with a Zipf distribution from a vocabulary of
 * real word forms (nouns, adjectives and verbs declined and conjugated by their paradigms, plus stop words).
 * Deterministic for a given seed.
 */
final class SyntheticCorpus {
    private static final String VELAR = "гкхжшщч";
    private static final String[] FEM = ("школ методик олимпиад программ работ задач систем групп команд библиотек "
            + "лаборатори студи площадк экскурси практик игр книг карт тем цел мастерск традици культур природ "
            + "истори музык литератур математик физик хими биологи географи информатик экономик технологи "
            + "экологи робототехник конференци выставк экспедици лекци встреч неделя декад смен секци "
            + "организаци администраци комисси модел стратеги платформ сред оценк подготовк поддержк помощ")
            .split(" ");
    private static final String[] MASC = ("урок проект класс кружок учитель ученик педагог директор конкурс "
            + "фестиваль семинар турнир музей технопарк кванториум стенд материал результат опыт подход метод "
            + "план отчёт доклад совет коллектив родитель выпускник студент преподаватель наставник клуб театр "
            + "хор спорт центр регион город район край год месяц день успех талант интерес навык вопрос ответ "
            + "процесс уровень этап цикл курс модуль предмет экзамен диплом грант партнёр волонтёр лидер").split(" ");
    private static final String[] NEUT = ("образовани воспитани развити обучени занятие творчеств сотрудничеств "
            + "направлени мероприяти исследовани достижени решени издани объединени учреждени управлени "
            + "отношени поведени здоровье движени").split(" ");
    private static final String[] ADJ = ("нов современн активн творческ научн школьн детск педагогическ "
            + "методическ инновационн образовательн воспитательн дополнительн региональн всероссийск "
            + "муниципальн городск сельск талантлив одарённ успешн интересн важн главн основн лучш высок "
            + "практическ исследовательск проектн цифров открыт общ культурн спортивн музыкальн "
            + "художественн технологическ экологическ патриотическ социальн семейн личн профессиональн").split(" ");
    private static final String[] VERB = ("работ занима изуча развива создава выполня участв организовыва "
            + "проводи получа помога обсужда реша показыва представля читa зна дела игра открыва").split(" ");
    private static final String[] STOP = "и в на с по для что как не это из к от о за у до при".split(" ");

    private final List<String> ranked;
    private final double[] cumulative;

    SyntheticCorpus(long seed) {
        List<String> forms = new ArrayList<>(vocabulary());
        Collections.shuffle(forms, new Random(seed));
        List<String> head = new ArrayList<>(List.of(STOP));
        head.addAll(List.of("школа", "школы", "школе", "школ", "школой", "школу"));
        forms.removeAll(head);
        head.addAll(forms);
        ranked = head;
        cumulative = new double[ranked.size()];
        double sum = 0;
        for (int i = 0; i < ranked.size(); i++) {
            sum += 1.0 / Math.pow(i + 2, 1.0);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Every generated word form, sorted order of generation (paradigm by paradigm). */
    static List<String> vocabulary() {
        Set<String> out = new LinkedHashSet<>();
        for (String s : FEM) {
            String y = VELAR.indexOf(s.charAt(s.length() - 1)) >= 0 || s.endsWith("и") ? "и" : "ы";
            if (s.endsWith("и")) {
                addAll(out, s, "я", "и", "ю", "ей", "й", "ям", "ями", "ях");
            } else if (s.endsWith("я")) {
                addAll(out, s.substring(0, s.length() - 1), "я", "и", "е", "ю", "ей", "ям", "ями", "ях");
            } else {
                addAll(out, s, "а", y, "е", "у", "ой", "", "ам", "ами", "ах");
            }
        }
        for (String s : MASC) {
            String y = VELAR.indexOf(s.charAt(s.length() - 1)) >= 0 ? "и" : "ы";
            if (s.endsWith("ь")) {
                String b = s.substring(0, s.length() - 1);
                addAll(out, b, "ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях");
            } else {
                addAll(out, s, "", "а", "у", "ом", "е", y, "ов", "ам", "ами", "ах");
            }
        }
        for (String s : NEUT) {
            if (s.endsWith("ие") || s.endsWith("ье")) {
                addAll(out, s.substring(0, s.length() - 1), "е", "я", "ю", "ем", "и", "й");
            } else if (s.endsWith("и")) {
                addAll(out, s, "е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях");
            } else {
                addAll(out, s, "о", "а", "у", "ом", "е");
            }
        }
        for (String s : ADJ) {
            boolean soft = VELAR.indexOf(s.charAt(s.length() - 1)) >= 0;
            String y = soft ? "и" : "ы";
            addAll(out, s, y + "й", "ого", "ому", y + "м", "ом", "ая", "ой", "ую", "ое", y + "е", y + "х", y + "ми");
        }
        for (String s : VERB) {
            addAll(out, s.replace('a', 'а'), "ть", "ю", "ет", "ем", "ют", "л", "ла", "ли", "ло", "ешь");
        }
        return List.copyOf(out);
    }

    private static void addAll(Set<String> out, String stem, String... endings) {
        for (String e : endings) {
            out.add((stem + e).replace('ё', 'е'));
        }
    }

    /** One page of about {@code words} words in sentences, starting with a capitalised word. */
    String page(Random random, int words) {
        StringBuilder sb = new StringBuilder(words * 9);
        int sentence = 0;
        for (int i = 0; i < words; i++) {
            String w = word(random);
            if (sentence == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            sb.append(w);
            sentence++;
            if (sentence > 6 && random.nextInt(8) == 0) {
                sb.append(". ");
                sentence = 0;
            } else {
                sb.append(' ');
            }
        }
        return sb.toString().strip();
    }

    String word(Random random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return ranked.get(Math.min(i < 0 ? -i - 1 : i, ranked.size() - 1));
    }

    List<String> ranked() {
        return ranked;
    }
}
