package vitrina.generator.results;

/** What a stand earned in a nomination: the winner is rank 1, laureates are ranks 2 and 3. */
public enum Award {
    WINNER("winner", "Победитель"),
    LAUREATE("laureate", "Лауреат"),
    NONE("", "");

    /** The last rank that earns a laureate diploma. */
    public static final int LAST_LAUREATE_RANK = 3;

    private final String id;
    private final String title;

    Award(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** For a rank in a nomination (1-based; 0 = not rated). */
    public static Award forRank(int rank) {
        return rank == 1 ? WINNER : rank >= 2 && rank <= LAST_LAUREATE_RANK ? LAUREATE : NONE;
    }

    /** The value in the open data ({@code winner}, {@code laureate}, empty). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
