package io.leverwatch.compliance.operator.deadletter;

/** A sequence that has no dead letter in the group's queue: never parked, already retried, or dropped. */
public class UnknownDeadLetterSequenceException extends RuntimeException {

    private final String group;
    private final String sequenceId;

    public UnknownDeadLetterSequenceException(String group, String sequenceId) {
        super("processing group " + group + " has no dead letter in sequence " + sequenceId);
        this.group = group;
        this.sequenceId = sequenceId;
    }

    public String group() {
        return group;
    }

    public String sequenceId() {
        return sequenceId;
    }
}
