package io.leverwatch.compliance.operator.deadletter;

/**
 * What a retry did: {@code RETRIED} when every letter was handled and the sequence is gone; {@code FAILED} when a
 * letter failed again, in which case {@code remaining} is the sequence as it is now (the letters before the one that
 * failed were handled and removed), with the new cause.
 */
public record RetryOutcome(String group, String sequenceId, Result result, DeadLetterSequence remaining) {

    public enum Result {
        RETRIED,
        FAILED
    }
}
