package io.leverwatch.kit.ingest;

/**
 * A batch whose first events were accepted before a business rule refused one: the refusal (the cause)
 * is answered as usual, and says how many events before it were accepted, so a sender can fix the one and
 * send the batch again (what was accepted counts as duplicates then).
 */
public class PartiallyAcceptedException extends RuntimeException {

    private final int accepted;
    private final int duplicates;

    public PartiallyAcceptedException(int accepted, int duplicates, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.accepted = accepted;
        this.duplicates = duplicates;
    }

    public int accepted() {
        return accepted;
    }

    public int duplicates() {
        return duplicates;
    }

    public RuntimeException refusal() {
        return (RuntimeException) getCause();
    }
}
