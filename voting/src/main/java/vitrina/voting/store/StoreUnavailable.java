package vitrina.voting.store;

/** The database failed; the vote was not committed and was not acknowledged. */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
