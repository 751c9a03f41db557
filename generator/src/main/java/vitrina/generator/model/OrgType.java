package vitrina.generator.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of organization that take part, with their ids in stand.yaml and their Russian names. */
public enum OrgType {
    SCHOOL("school", "Школа", "Школы"),
    GYMNASIUM("gymnasium", "Гимназия", "Гимназии"),
    LYCEUM("lyceum", "Лицей", "Лицеи"),
    KINDERGARTEN("kindergarten", "Детский сад", "Детские сады"),
    COLLEGE("college", "Колледж", "Колледжи"),
    UNIVERSITY("university", "Вуз", "Вузы"),
    ADDITIONAL_EDUCATION("additional-education", "Организация дополнительного образования",
            "Организации дополнительного образования"),
    SCIENCE("science", "Научная организация", "Научные организации"),
    CULTURE("culture", "Организация культуры", "Организации культуры"),
    SPORT("sport", "Спортивная организация", "Спортивные организации");

    private final String id;
    private final String title;
    private final String plural;

    OrgType(String id, String title, String plural) {
        this.id = id;
        this.title = title;
        this.plural = plural;
    }

    /** The value written in stand.yaml and used in URLs ({@code /types/<id>/}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String plural() {
        return plural;
    }

    /** Culture and sport organizations need no educational licence. */
    public boolean requiresLicense() {
        return this != CULTURE && this != SPORT;
    }

    public static Optional<OrgType> findById(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
