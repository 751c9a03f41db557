package vitrina.voting.vote;

import java.util.Objects;

/** A ballot rule said no; the HTTP layer turns it into the one JSON error shape. */
public final class Refused extends RuntimeException {
    private final Refusal refusal;

    public Refused(Refusal refusal) {
        super(Objects.requireNonNull(refusal, "refusal").code(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() { return refusal; }
}
