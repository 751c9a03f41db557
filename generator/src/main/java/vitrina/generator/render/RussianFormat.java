package vitrina.generator.render;

import java.time.LocalDate;
import java.util.Locale;

/** Russian wording for numbers, file sizes and dates, as visitors read them («3 стенда», «1,2 МБ», «17 марта 2026 г.»). */
final class RussianFormat {
    private static final String[] MONTHS_GENITIVE = {
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    };

    private RussianFormat() {
    }

    /** The plural form for {@code n}: one (1, 21), few (2–4, 22–24) or many (0, 5–20, 25…). */
    static String pluralForm(long n, String one, String few, String many) {
        long abs = Math.abs(n);
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        if (mod10 == 1 && mod100 != 11) {
            return one;
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
            return few;
        }
        return many;
    }

    /** The number followed by the matching form: {@code plural(3, "стенд", "стенда", "стендов")} → «3 стенда». */
    static String plural(long n, String one, String few, String many) {
        return number(n) + " " + pluralForm(n, one, few, many);
    }

    /**
     * A whole number as Russian text sets it: from five digits on, thousands grouped by a no-break space
     * («10 000», «49 312»); four digits stay together («1000»).
     */
    static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        if (digits.length() < 5) {
            return Long.toString(n);
        }
        StringBuilder sb = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append('\u00A0');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A size in Russian units with a decimal comma: «512 Б», «340 КБ», «1,2 МБ», «2 ГБ». */
    static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " Б";
        }
        String[] units = {"КБ", "МБ", "ГБ", "ТБ"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number;
        if (value < 10) {
            number = String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
            if (number.endsWith(",0")) {
                number = number.substring(0, number.length() - 2);
            }
            if ("10".equals(number)) {
                number = "10";
            }
        } else {
            number = String.valueOf(Math.round(value));
        }
        return number + " " + units[unit];
    }

    /** «17 марта 2026 г.» */
    static String date(LocalDate date) {
        return dayMonth(date) + " " + date.getYear() + " г.";
    }

    /** «17 марта» */
    static String dayMonth(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS_GENITIVE[date.getMonthValue() - 1];
    }

    /**
     * A period: «17 марта — 7 августа 2026 г.»; the year is written once when both ends share it.
     * Either end may be null: «с 17 марта 2026 г.», «по 7 августа 2026 г.»; both null gives an empty string.
     */
    static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "";
        }
        if (to == null) {
            return "с " + date(from);
        }
        if (from == null) {
            return "по " + date(to);
        }
        if (from.equals(to)) {
            return date(from);
        }
        String start = from.getYear() == to.getYear() ? dayMonth(from) : date(from);
        return start + " — " + date(to);
    }
}
