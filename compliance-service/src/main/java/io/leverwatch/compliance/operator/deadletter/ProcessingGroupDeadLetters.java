package io.leverwatch.compliance.operator.deadletter;

import java.util.List;

/**
 * A processing group's dead letters: how many sequences and letters it holds, and the first
 * {@value DeadLetters#SHOWN_SEQUENCES} sequences, oldest first.
 */
public record ProcessingGroupDeadLetters(
        String group, long sequenceCount, long letterCount, List<DeadLetterSequence> sequences) {}
