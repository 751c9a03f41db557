package vitrina.generator.ingest;

/** An upload that cannot be accepted; the message (Russian) goes into the quarantine report. */
final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String hint;

    IngestException(String code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    String code() {
        return code;
    }

    String hint() {
        return hint;
    }
}
