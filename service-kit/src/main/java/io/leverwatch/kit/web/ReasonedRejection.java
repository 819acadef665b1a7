package io.leverwatch.kit.web;

/**
 * A {@link DomainRejection} that names the rule which refused the command: the message says what is wrong in
 * words a user understands, {@link #reason()} says which rule it was, for tests and logs, and the reason gives
 * the status (409 for a {@link RejectionReason.Conflict}, else 422).
 */
public abstract class ReasonedRejection extends DomainRejection {

    private final RejectionReason reason;

    protected <R extends Enum<R> & RejectionReason> ReasonedRejection(R reason, String message) {
        super(reason.isConflict() ? Kind.CONFLICT : Kind.UNPROCESSABLE, message);
        this.reason = reason;
    }

    /** A constant of the subclass's own {@code Reason} enum. */
    public RejectionReason reason() {
        return reason;
    }
}
