package io.leverwatch.compliance.inbox;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * compliance-service's inbox: the events of the three services, appended to its own event store under their
 * original ids. The store is the de-duplication: the id is unique there, so an event delivered again (a consumer
 * restart, a rebalance, a replayed topic) fails to insert and is dropped.
 */
public class Inbox {

    /** What became of an event offered to the inbox. */
    public enum Outcome {
        APPENDED,
        DUPLICATE
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public Inbox(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /**
     * Appends the event in its own transaction (the storage engine's); the processors pick it up from the store.
     *
     * @throws RuntimeException when the store cannot be written: the caller retries, nothing is lost
     */
    public Outcome append(InboxEvent event) {
        try {
            eventStore.publish(event.toMessage());
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
