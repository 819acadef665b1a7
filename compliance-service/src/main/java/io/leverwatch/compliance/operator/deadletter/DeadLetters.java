package io.leverwatch.compliance.operator.deadletter;

import io.leverwatch.compliance.alert.AlertRaised;
import io.leverwatch.compliance.inbox.InboxMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's view of the processors' dead letters, per processing group: list them, retry a sequence (its
 * letters go back to the same handlers, in order) or drop it. Dropping is an operator's decision that loses those
 * events for that handler (a replay of the contract brings the saga and the alert view back in line with the inbox),
 * so it is logged with who decided.
 */
public class DeadLetters {

    static final int SHOWN_SEQUENCES = 100;
    static final int SHOWN_LETTERS = 50;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** A processing group's queue, and what feeds its letters back to the group's handlers. */
    public record Queue(
            SequencedDeadLetterQueue<EventMessage<?>> letters,
            Supplier<SequencedDeadLetterProcessor<EventMessage<?>>> processor) {}

    private final Map<String, Queue> queues;
    private final TransactionTemplate transactions;

    public DeadLetters(Map<String, Queue> queues, TransactionTemplate transactions) {
        this.queues = new LinkedHashMap<>(queues);
        this.transactions = transactions;
    }

    /** Every group's dead letters, oldest sequence first; a group without any is listed with none. */
    public List<ProcessingGroupDeadLetters> list() {
        List<ProcessingGroupDeadLetters> groups = new ArrayList<>();
        queues.forEach((group, queue) -> {
            List<DeadLetterSequence> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                    queue.letters().deadLetters()) {
                if (sequences.size() == SHOWN_SEQUENCES) {
                    break;
                }
                describe(group, queue, sequence).ifPresent(sequences::add);
            }
            groups.add(new ProcessingGroupDeadLetters(
                    group, queue.letters().amountOfSequences(), queue.letters().size(), sequences));
        });
        return groups;
    }

    /** @throws UnknownDeadLetterSequenceException if the sequence has no letter */
    public DeadLetterSequence sequence(String group, String sequenceId) {
        Queue queue = queue(group);
        return describe(group, queue, queue.letters().deadLetterSequence(sequenceId))
                .orElseThrow(() -> new UnknownDeadLetterSequenceException(group, sequenceId));
    }

    /**
     * Feeds the sequence's letters back to the group's handlers, in order, each removed once handled; stops at the
     * first that fails again, which keeps its place with the new cause.
     */
    public RetryOutcome retry(String group, String sequenceId, String operator) {
        Queue queue = queue(group);
        DeadLetterSequence before = sequence(group, sequenceId);
        String firstEventId = before.letters().get(0).eventId();
        log.info("{} retries {} dead letters of {} sequence {}", operator, before.count(), group, sequenceId);
        boolean handled = queue.processor()
                .get()
                .process(first -> first.message().getIdentifier().equals(firstEventId));
        var remaining = describe(group, queue, queue.letters().deadLetterSequence(sequenceId));
        if (handled || remaining.isEmpty()) {
            log.info("{} sequence {}: every dead letter handled, sequence removed", group, sequenceId);
            return new RetryOutcome(group, sequenceId, RetryOutcome.Result.RETRIED, null);
        }
        log.warn(
                "{} sequence {}: a dead letter failed again, {} left: {}",
                group,
                sequenceId,
                remaining.get().count(),
                remaining.get().cause());
        return new RetryOutcome(group, sequenceId, RetryOutcome.Result.FAILED, remaining.get());
    }

    /** Removes every letter of the sequence, unhandled: the operator's decision, logged with its author. */
    public DeadLetterSequence drop(String group, String sequenceId, String operator) {
        Queue queue = queue(group);
        DeadLetterSequence dropped = sequence(group, sequenceId);
        transactions.executeWithoutResult(status -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.letters().deadLetterSequence(sequenceId).forEach(letters::add);
            letters.forEach(queue.letters()::evict);
        });
        log.warn(
                "{} dropped {} dead letters of {} sequence {} (contract {}), events {}: never handled by {}",
                operator,
                dropped.count(),
                group,
                sequenceId,
                dropped.contractId(),
                dropped.letters().stream()
                        .map(DeadLetterSequence.Letter::eventId)
                        .toList(),
                group);
        return dropped;
    }

    private Queue queue(String group) {
        Queue queue = queues.get(group);
        if (queue == null) {
            throw new UnknownDeadLetterGroupException(group, queues.keySet());
        }
        return queue;
    }

    private static Optional<DeadLetterSequence> describe(
            String group, Queue queue, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            if (letters.size() == SHOWN_LETTERS) {
                break;
            }
            letters.add(letter);
        }
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter<? extends EventMessage<?>> first = letters.get(0);
        String sequenceId = first instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
        Instant lastTouched = letters.stream()
                .map(DeadLetter::lastTouched)
                .max(Instant::compareTo)
                .orElse(first.lastTouched());
        return Optional.of(new DeadLetterSequence(
                group,
                sequenceId,
                contractOf(letters),
                sequenceId == null ? letters.size() : queue.letters().sequenceSize(sequenceId),
                first.cause().map(Cause::type).orElse(null),
                first.cause().map(Cause::message).orElse(null),
                first.enqueuedAt(),
                lastTouched,
                letters.stream().map(DeadLetters::letter).toList()));
    }

    private static DeadLetterSequence.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        // The payload's type: an alert event carries in its metadata the CloudEvent type of the fact that caused it.
        EventMessage<?> message = letter.message();
        return new DeadLetterSequence.Letter(
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                letter.enqueuedAt(),
                letter.cause().map(Cause::message).orElse(null));
    }

    // The inbox's events name their contract; the alert's events name it only where the alert is raised.
    private static String contractOf(List<DeadLetter<? extends EventMessage<?>>> letters) {
        for (DeadLetter<? extends EventMessage<?>> letter : letters) {
            Object contractId = letter.message().getMetaData().get(InboxMetaData.CONTRACT_ID);
            if (contractId != null) {
                return contractId.toString();
            }
            if (letter.message().getPayload() instanceof AlertRaised raised) {
                return raised.decision().contractId();
            }
        }
        return null;
    }
}
