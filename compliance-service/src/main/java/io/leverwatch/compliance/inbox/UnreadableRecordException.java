package io.leverwatch.compliance.inbox;

/**
 * A record on an outbound topic that compliance cannot read as a published event. It is dead-lettered, never
 * retried: reading it again would give the same answer.
 */
public class UnreadableRecordException extends RuntimeException {

    private final String reason;

    /**
     * @param reason a short, stable label for metrics ({@code unparseable}, {@code unknown-type}, ...)
     * @param detail what exactly is wrong, for the dead letter's reason header
     */
    public UnreadableRecordException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
