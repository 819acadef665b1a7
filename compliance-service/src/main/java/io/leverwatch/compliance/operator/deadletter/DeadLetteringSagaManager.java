package io.leverwatch.compliance.operator.deadletter;

import io.leverwatch.compliance.saga.BatchingSagaStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaCreationPolicy;
import org.axonframework.modelling.saga.SagaInitializationPolicy;
import org.axonframework.modelling.saga.SagaRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saga manager with the sequenced dead-letter queue that Axon 4 gives event handlers only (it cannot for sagas in
 * general: a saga's associations may change from one event to the next, so no sequence is sure to hold all of one
 * saga's events). A saga that is associated by one value that is also its processor's sequence, as the
 * AccessLeverage saga is by its contract, has no such problem, and this manager does for it what Axon's
 * {@code DeadLetteringEventHandlerInvoker} does for handlers:
 *
 * <ul>
 *   <li>an event the saga fails on is parked in the queue under its sequence (the contract), with its cause, and the
 *       processor goes on: other contracts are not held up;
 *   <li>while a sequence has letters, every later event of it is parked behind them, in order, instead of handled;
 *   <li>{@link #process} feeds a sequence's letters back to the saga in order, removes each that passes, and keeps
 *       the first that fails again, with its new cause, and those behind it.
 * </ul>
 *
 * <p>A batch is first handled as Axon does, in one unit of work, so that a contract's saga is loaded and stored once
 * per batch. When it fails (a handler, or storing a saga at the end), it rolls back whole and the processor retries
 * it; that retry is handled event by event: each in a unit of work of its own nested in the batch's, inside a
 * savepoint. An event that fails then leaves nothing behind (its saga is not saved, the commands it sent have no
 * events stored, its database writes are undone), so that a retried letter meets the saga as it was before; it is
 * parked, and the rest of the batch, the letter and the processor's token commit together. A failure of the
 * database itself ({@link Causes#isTransient}) is not the event's: it fails the batch, which is retried, as before.
 *
 * <p><b>Routed by the saga's key.</b> Axon's saga manager gives every event to every segment, each finding the event's
 * sagas and keeping those whose id hashes into it; a new saga is created by the segment its initial association value
 * hashes into, under an id drawn until it hashes there too. With two segments each read, looked up, checked and
 * monitored every event, and read ahead the sagas of the other's. A saga that every handler starts with the same
 * association, as the AccessLeverage saga does with its contract, has a key: that association value. This manager
 * routes by it: an event goes only to the segment its key hashes into ({@link #canHandle(EventMessage, Segment)}),
 * and the sagas found for it belong to that segment ({@link #matchesSegment}), the one Axon creates them in. So a
 * contract's events are all handled by one segment, whatever its sagas' ids, and after the segments are split or
 * merged as well. The constructor refuses a saga type without such a key. (Instances of an older build, routing by
 * saga id, must not run beside this one on the same segments: stop them before starting it.)
 *
 * <p>Only the segment that holds a sequence's saga (or would create it) parks an event behind the sequence.
 *
 * <p>What a batch looks up is read once, at its first event: the sequences that have letters (then kept up to date
 * by the batch's own parking), and the sagas of all its events with their associations ({@link
 * BatchingSagaStore}). Asking the database for each event on each segment's thread was, before, four round trips
 * in five of the processor's time (BENCHMARKS.md). No other thread adds a sequence meanwhile (an operator's retry
 * that fails again keeps a sequence that had letters). One that an operator's retry empties while a batch runs is
 * still parked by that batch: its events wait, without a cause, for the next retry, which passes them. Nothing is
 * lost; the per-event look-up had the same race, in a narrower window.
 */
public class DeadLetteringSagaManager<T> extends AnnotatedSagaManager<T>
        implements SequencedDeadLetterProcessor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringSagaManager.class);
    private static final String WATCHED = DeadLetteringSagaManager.class.getName() + ".watched";

    private final SagaRepository<T> repository;
    private final BatchingSagaStore sagas;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final DeadLetteredSequences letteredSequences;
    private final String batchKey =
            DeadLetteringSagaManager.class.getName() + ".batch@" + System.identityHashCode(this);
    private final Savepoints savepoints;
    /** The association every handler starts the saga with: its key (SagaKey). */
    private final String key;

    private final TransactionManager transactionManager;
    /** The segments whose last batch rolled back: their next batch is handled event by event. */
    private final Set<Integer> retryEventByEvent = ConcurrentHashMap.newKeySet();
    /** The key of the event this thread is handling, by which its sagas' segment is told. */
    private final ThreadLocal<AssociationValue> handlingKey = new ThreadLocal<>();
    /** What Axon read from the last event this thread asked about (below). */
    private final ThreadLocal<ReadFromEvent> lastRead = new ThreadLocal<>();

    /**
     * @param builder the manager as Axon would build it, with the same repository as {@code repository}
     * @param sagas the store behind {@code repository}, which reads a batch's sagas ahead
     * @param sequencing the saga processor's sequencing policy: the queue's sequences are its sequences
     * @param letteredSequences the sequences that have letters in {@code queue}
     */
    public DeadLetteringSagaManager(
            AnnotatedSagaManager.Builder<T> builder,
            SagaRepository<T> repository,
            BatchingSagaStore sagas,
            SequencingPolicy<? super EventMessage<?>> sequencing,
            SequencedDeadLetterQueue<EventMessage<?>> queue,
            DeadLetteredSequences letteredSequences,
            Savepoints savepoints,
            TransactionManager transactionManager) {
        super(builder.sagaRepository(repository));
        this.repository = repository;
        this.sagas = sagas;
        this.sequencing = sequencing;
        this.queue = queue;
        this.letteredSequences = letteredSequences;
        this.savepoints = savepoints;
        this.transactionManager = transactionManager;
        this.key = SagaKey.of(getSagaType());
    }

    /**
     * Only the segment the event's key hashes into handles it (above). Every segment's thread reads every event, and
     * the key is read from the payload, which is deserialised for it: an event that names its key in its metadata too,
     * under the key's name, is turned away by the other segments on that alone. The inbox names every event's
     * contract there, the same as its payload's (its reader refuses a record whose two differ).
     */
    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        Object named = event.getMetaData().get(key);
        if (named != null && !segment.matches(new AssociationValue(key, named.toString()))) {
            return false;
        }
        return super.canHandle(event, segment) && segment.matches(keyOf(event));
    }

    /** The sagas found for an event are those of its key, held by the segment the key hashes into. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        AssociationValue key = handlingKey.get();
        return key == null ? super.matchesSegment(segment, sagaId) : segment.matches(key);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        handlingKey.set(keyOf(event));
        try {
            handleKeyed(event, segment);
        } finally {
            handlingKey.remove();
        }
    }

    // The association every handler of the saga starts it with (SagaKey), as Axon reads it from the event.
    private AssociationValue keyOf(EventMessage<?> event) {
        return getSagaCreationPolicy(event).getInitialAssociationValue();
    }

    /**
     * As Axon reads them, once an event: the processor asks whether its segment handles the event, then the event's
     * key, its associations and its creation policy are each asked for again while it is handled, and each time Axon
     * finds the saga's handlers for the event and reads the association from its payload anew (a sixth of the saga
     * processor's time, BENCHMARKS.md). Both are functions of the event alone, which is immutable: this thread's last
     * event's are kept and given again for the same event.
     */
    @Override
    protected SagaInitializationPolicy getSagaCreationPolicy(EventMessage<?> event) {
        return readFrom(event).creation();
    }

    @Override
    protected Set<AssociationValue> extractAssociationValues(EventMessage<?> event) {
        return readFrom(event).associations();
    }

    private ReadFromEvent readFrom(EventMessage<?> event) {
        ReadFromEvent last = lastRead.get();
        if (last == null || last.event() != event) {
            last = new ReadFromEvent(
                    event, super.getSagaCreationPolicy(event), Set.copyOf(super.extractAssociationValues(event)));
            lastRead.set(last);
        }
        return last;
    }

    /** What Axon reads from an event to route it to its sagas; the event is kept to tell it is the same one. */
    private record ReadFromEvent(
            EventMessage<?> event, SagaInitializationPolicy creation, Set<AssociationValue> associations) {}

    private void handleKeyed(EventMessage<?> event, Segment segment) throws Exception {
        boolean eventByEvent = eventByEvent(segment);
        Batch batch = batch();
        Object sequence = sequencing.getSequenceIdentifierFor(event);
        if (batch.hasLetters(sequence)) {
            if (holds(segment, event)) {
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
                log.info("parked event {} behind the dead letters of sequence {}", event.getIdentifier(), sequence);
            }
            return;
        }
        if (!eventByEvent) {
            super.handle(event, segment);
            return;
        }
        try {
            handleAlone(event, segment);
        } catch (Exception e) {
            if (Causes.isTransient(e)) {
                throw e;
            }
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, Causes.of(e)));
            batch.lettered(sequence);
            log.warn(
                    "dead-lettered event {} of sequence {}: the saga failed on it", event.getIdentifier(), sequence, e);
        }
    }

    /**
     * What this batch reads once, at its first event, instead of at each: the sequences that have dead letters, and
     * (through the {@link BatchingSagaStore}) the sagas of every event of the batch with their associations.
     * Kept with the batch's unit of work, and forgotten with it: a batch that rolls back reads again when retried.
     */
    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getResource(batchKey);
        if (batch == null) {
            if (root instanceof BatchingUnitOfWork<?> batching) {
                Set<AssociationValue> values = new HashSet<>();
                batching.getMessages()
                        .forEach(message -> values.addAll(extractAssociationValues((EventMessage<?>) message)));
                sagas.readAhead(getSagaType(), values);
            }
            batch = new Batch(letteredSequences.get());
            root.resources().put(batchKey, batch);
        }
        return batch;
    }

    /** The sequences that have dead letters, as the batch started, plus those it dead-lettered itself. */
    private record Batch(Set<String> sequences) {

        boolean hasLetters(Object sequence) {
            return sequences.contains(DeadLetteredSequences.key(sequence));
        }

        void lettered(Object sequence) {
            sequences.add(DeadLetteredSequences.key(sequence));
        }
    }

    /**
     * Whether this batch is handled event by event: it is the retry of one of its segment that failed. Decided at
     * the batch's first event, which also watches the batch, so that the segment's next one is if this one fails. By
     * segment, not by thread: a pooled processor may give a segment's retry to another of its threads.
     */
    private boolean eventByEvent(Segment segment) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        int segmentId = segment.getSegmentId();
        return batch.getOrComputeResource(WATCHED, key -> {
            batch.onRollback(u -> retryEventByEvent.add(segmentId));
            return retryEventByEvent.remove(segmentId);
        });
    }

    /**
     * Retries the first sequence whose first letter matches, letter by letter in order, in one transaction.
     *
     * @return whether a whole sequence was handled and removed
     */
    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter) {
        UnitOfWork<?> unitOfWork = new DefaultUnitOfWork<>(null);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<Boolean> result = unitOfWork.executeWithResult(() -> queue.process(sequenceFilter, this::retry));
        if (result.isExceptional()) {
            throw new IllegalStateException("could not retry dead letters", result.exceptionResult());
        }
        return Boolean.TRUE.equals(result.getPayload());
    }

    private EnqueueDecision<EventMessage<?>> retry(DeadLetter<? extends EventMessage<?>> letter) {
        try {
            // Whatever the segment that holds the saga: the retry is not one of the processor's threads.
            handleAlone(letter.message(), Segment.ROOT_SEGMENT);
            return Decisions.evict();
        } catch (Exception e) {
            log.warn("dead letter of event {} failed again", letter.message().getIdentifier(), e);
            return Decisions.requeue(Causes.of(e));
        }
    }

    // The event in a unit of work nested in the current one, inside a savepoint: all or nothing of its effects.
    private void handleAlone(EventMessage<?> event, Segment segment) throws Exception {
        savepoints.run(() -> {
            UnitOfWork<?> unitOfWork = new DefaultUnitOfWork<>(event);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                super.handle(event, segment);
                return null;
            });
            if (result.isExceptional()) {
                throw asException(result.exceptionResult());
            }
        });
    }

    // As AbstractSagaManager decides who handles an event: the segment of the sagas found, else of the new saga.
    private boolean holds(Segment segment, EventMessage<?> event) {
        List<String> sagaIds = extractAssociationValues(event).stream()
                .flatMap(association -> repository.find(association).stream())
                .toList();
        if (!sagaIds.isEmpty()) {
            return sagaIds.stream().anyMatch(sagaId -> matchesSegment(segment, sagaId));
        }
        SagaInitializationPolicy creation = getSagaCreationPolicy(event);
        return creation.getCreationPolicy() != SagaCreationPolicy.NONE
                && segment.matches(creation.getInitialAssociationValue());
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Exception exception) {
            return exception;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
