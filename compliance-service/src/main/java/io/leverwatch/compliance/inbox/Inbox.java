package io.leverwatch.compliance.inbox;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * compliance-service's inbox: the events of the three services, appended to its own event store under their
 * original ids. The store is the de-duplication: the id is unique there, so an event delivered again (a consumer
 * restart, a rebalance, a replayed topic) fails to insert and is dropped.
 *
 * <p>Each append is one transaction with the {@link InboxLedger}'s writes, so that the operators' index and hash chain
 * of the inbox never miss an event nor name one that is not stored.
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

        /** First in the append's transaction, before the event is stored: e.g. locks what orders the appends. */
        void beforeAppend();

        /** Once the event is stored, in the same transaction. */
        void appended(InboxEvent event);
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InboxLedger ledger;

    public Inbox(EventStore eventStore, JdbcTemplate jdbc, TransactionTemplate transactions, InboxLedger ledger) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
    }

    /**
     * Appends the event in its own transaction (the storage engine's); the processors pick it up from the store.
     *
     * @throws RuntimeException when the store cannot be written: the caller retries, nothing is lost
     */
    public Outcome append(InboxEvent event) {
        try {
            // The storage engine joins this transaction, so the event and the ledger's lines commit together.
            transactions.executeWithoutResult(status -> {
                ledger.beforeAppend();
                eventStore.publish(event.toMessage());
                ledger.appended(event);
            });
            return Outcome.APPENDED;
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // The JDBC engine stores a plain event as event 0 of a stream named after its id: a duplicate id breaks
            // a unique key, which PostgresDuplicateKeys recognises and the engine reports as a concurrency conflict.
            return Outcome.DUPLICATE;
        } catch (EventStoreException e) {
            // Should the duplicate key go unrecognised (another database, another driver), the store still tells.
            if (contains(event.eventId())) {
                return Outcome.DUPLICATE;
            }
            throw e;
        }
    }

    /** Whether an event with this id is stored (a lookup on the unique event id index). */
    public boolean contains(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domainevententry where eventidentifier = ?)", Boolean.class, eventId));
    }
}
