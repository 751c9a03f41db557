package vitrina.generator.content;

/** Check digits of Russian legal-entity identifiers: the 10-digit INN and the 13-digit OGRN. */
final class Identifiers {
    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Identifiers() {
    }

    static boolean isDigits(String s, int length) {
        return s != null && s.length() == length && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A legal entity's INN: 10 digits, the last = (weighted sum of the first nine mod 11) mod 10. */
    static boolean isValidInn(String inn) {
        if (!isDigits(inn, 10)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (inn.charAt(i) - '0') * INN10_WEIGHTS[i];
        }
        return sum % 11 % 10 == inn.charAt(9) - '0';
    }

    /** OGRN: 13 digits, the last = (the first twelve as a number mod 11) mod 10. */
    static boolean isValidOgrn(String ogrn) {
        if (!isDigits(ogrn, 13)) {
            return false;
        }
        long first12 = Long.parseLong(ogrn.substring(0, 12));
        return first12 % 11 % 10 == ogrn.charAt(12) - '0';
    }
}
