package io.leverwatch.compliance.inbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * compliance-service's inbox: the events of the three services, appended to its own event store under their
 * original ids. The store is the de-duplication: the id is unique there, so an event delivered again (a consumer
 * restart, a rebalance, a replayed topic) fails to insert and is dropped.
 *
 * <p>Each append is one transaction with the {@link InboxLedger}'s writes, so that the operators' index and hash chain
 * of the inbox never miss an event nor name one that is not stored. A whole delivery (a Kafka poll) is appended in
 * one such transaction: a few statements for hundreds of events instead of several for each.
 *
 * <p>Appends run one at a time (the ledger's lock orders them), so what can be done before is: each message is
 * serialized before the transaction, and the store writes the form the message keeps.
 */
public class Inbox {

    /** What became of an event offered to the inbox. */
    public enum Outcome {
        APPENDED,
        DUPLICATE
    }

    /**
     * Written in the transaction of every append (compliance.operator keeps the inbox's index and hash chain).
     */
    public interface InboxLedger {

        /**
         * First in the append's transaction, before the events are stored: locks what orders the appends, so that
         * no other append runs until this one commits.
         */
        void beforeAppend();

        /** Once the events are stored, in the same transaction, in the order they were stored. */
        void appended(List<InboxEvent> events);
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InboxLedger ledger;
    private final Serializer serializer;

    /** @param serializer the event store's: a message serialized by another would be serialized again */
    public Inbox(
            EventStore eventStore,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            InboxLedger ledger,
            Serializer serializer) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.serializer = serializer;
    }

    /**
     * Appends the event in its own transaction (the storage engine's); the processors pick it up from the store.
     *
     * @throws RuntimeException when the store cannot be written: the caller retries, nothing is lost
     */
    public Outcome append(InboxEvent event) {
        EventMessage<?> message = serialized(event);
        try {
            // The storage engine joins this transaction, so the event and the ledger's lines commit together.
            transactions.executeWithoutResult(status -> {
                ledger.beforeAppend();
                eventStore.publish(message);
                ledger.appended(List.of(event));
            });
            return Outcome.APPENDED;
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // The JDBC engine stores a plain event as event 0 of a stream named after its id: a duplicate id breaks
            // a unique key, which the kit's PostgresDuplicateKeys recognises and the engine reports as a concurrency
            // conflict.
            return Outcome.DUPLICATE;
        } catch (EventStoreException e) {
            // Should the duplicate key go unrecognised (another database, another driver), the store still tells.
            if (contains(event.eventId())) {
                return Outcome.DUPLICATE;
            }
            throw e;
        }
    }

    /**
     * Appends the events, in their order, in one transaction: those already stored, or met earlier in the list, are
     * duplicates; the others are stored with one batch insert and chained in the order stored. The ledger's lock is
     * taken before the look-up, so no other append can store one of these ids between the look-up and the insert.
     *
     * @return the outcome of each event, in the order given
     * @throws RuntimeException when the store cannot be written: the caller retries the whole list, nothing is lost
     */
    public List<Outcome> appendAll(List<InboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventMessage<?>> messages =
                events.stream().<EventMessage<?>>map(this::serialized).toList();
        try {
            return transactions.execute(status -> {
                ledger.beforeAppend();
                Set<String> known = new HashSet<>(storedAmong(events));
                List<Outcome> outcomes = new ArrayList<>(events.size());
                List<InboxEvent> fresh = new ArrayList<>(events.size());
                List<EventMessage<?>> freshMessages = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    boolean isNew = known.add(events.get(i).eventId());
                    outcomes.add(isNew ? Outcome.APPENDED : Outcome.DUPLICATE);
                    if (isNew) {
                        fresh.add(events.get(i));
                        freshMessages.add(messages.get(i));
                    }
                }
                if (!fresh.isEmpty()) {
                    eventStore.publish(freshMessages);
                    ledger.appended(fresh);
                }
                return outcomes;
            });
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // An id was stored meanwhile by a writer that does not take the ledger's lock: one at a time then, each
            // duplicate told apart by the store itself.
            return events.stream().map(this::append).toList();
        }
    }

    // The message with its payload and metadata serialized (each message keeps its serialized forms, by serializer).
    private EventMessage<?> serialized(InboxEvent event) {
        EventMessage<?> message = event.toMessage();
        message.serializePayload(serializer, byte[].class);
        message.serializeMetaData(serializer, byte[].class);
        return message;
    }

    /** Whether an event with this id is stored (a lookup on the unique event id index). */
    public boolean contains(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domainevententry where eventidentifier = ?)", Boolean.class, eventId));
    }

    // One look-up on the unique event id index for the whole list.
    private List<String> storedAmong(List<InboxEvent> events) {
        List<String> ids = events.stream().map(InboxEvent::eventId).distinct().toList();
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        return jdbc.queryForList(
                "select eventidentifier from domainevententry where eventidentifier in (" + placeholders + ")",
                String.class,
                ids.toArray());
    }
}
