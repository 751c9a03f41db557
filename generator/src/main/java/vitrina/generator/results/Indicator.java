package vitrina.generator.results;

import java.util.Arrays;
import java.util.Optional;

/** The independent indicators that make up the rating, in the order they are published. */
public enum Indicator {
    EXPERTS("experts", "Оценка экспертов", "evaluation/experts.csv"),
    VOTES("votes", "Народное голосование", null),
    VIEWS("views", "Просмотры стенда", "evaluation/views.csv"),
    SURVEYS("surveys", "Онлайн-опросы", "evaluation/surveys.csv"),
    AUTHORITIES("authorities", "Сведения органов управления образованием", "evaluation/authorities.csv");

    private final String id;
    private final String title;
    private final String file;

    Indicator(String id, String title, String file) {
        this.id = id;
        this.title = title;
        this.file = file;
    }

    /** The key in site.yaml {@code evaluation.weights} and in the open data columns. */
    public String id() {
        return id;
    }

    /** Russian name for pages and diplomas. */
    public String title() {
        return title;
    }

    /** The CSV file relative to the content folder, or null for votes (they come from the vote export). */
    public String file() {
        return file;
    }

    public static Optional<Indicator> findById(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
