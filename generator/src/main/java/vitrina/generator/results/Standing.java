package vitrina.generator.results;

/**
 * A stand's place in the whole contest: its best nomination score decides its overall and regional rank.
 *
 * @param standId    the stand
 * @param regionCode the stand's region
 * @param best       the score of its best nomination, or null when it is not rated
 * @param rank       overall rank (1-based), 0 when not rated
 * @param regionRank rank among the stands of its region, 0 when not rated
 * @param top        whether it is in the "N best" list
 */
public record Standing(String standId, int regionCode, Score best, int rank, int regionRank, boolean top) {
    public boolean rated() {
        return best != null;
    }
}
