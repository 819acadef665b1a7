package io.leverwatch.compliance.operator.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * One sequence of dead letters of a processing group, as an operator reviews it: the event the handler failed on
 * first, then those parked behind it, in the order they will be retried.
 *
 * @param sequenceId the contract id for the saga, the alert id for the alert view
 * @param contractId the contract the events are about, when they say
 * @param count how many letters the sequence holds ({@code letters} shows the first {@value DeadLetters#SHOWN_LETTERS})
 * @param cause why the first letter failed, last time it was tried
 * @param enqueuedAt when the first letter was parked
 * @param lastTouchedAt when a letter of the sequence was last parked or tried
 */
public record DeadLetterSequence(
        String group,
        String sequenceId,
        String contractId,
        long count,
        String causeType,
        String cause,
        Instant enqueuedAt,
        Instant lastTouchedAt,
        List<Letter> letters) {

    /** A parked event: its id, its payload type, when it was parked, and why if the handler failed on it. */
    public record Letter(String eventId, String eventType, Instant enqueuedAt, String cause) {}
}
