package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.inbox.Inbox;
import io.leverwatch.compliance.inbox.Inbox.Outcome;
import io.leverwatch.compliance.inbox.InboxEvent;
import io.leverwatch.compliance.inbox.InboxMetaData;
import io.leverwatch.compliance.operator.ledger.IntegrityCheck;
import io.leverwatch.compliance.testing.LegalCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole delivery appended at once: what is already stored, or comes twice in the delivery, is dropped as a
 * duplicate, the rest is stored in the delivery's order, each event indexed and chained once, and the chain verifies.
 */
class InboxBatchIT extends ComplianceIntegrationTest {

    @Autowired
    Inbox inbox;

    @Autowired
    IntegrityCheck integrity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeliveryIsAppendedInOrderWithoutItsDuplicatesAndChainedOnce() {
        String contractId = "c-" + UUID.randomUUID();
        List<Object> facts = new LegalCase(contractId).contractEvents();
        InboxEvent registered = event(contractId, facts.get(0));
        InboxEvent account = event(contractId, facts.get(1));
        InboxEvent stored = event(contractId, facts.get(0));
        assertThat(inbox.append(stored)).isEqualTo(Outcome.APPENDED);

        List<Outcome> outcomes = inbox.appendAll(List.of(registered, stored, account, registered));

        assertThat(outcomes).containsExactly(Outcome.APPENDED, Outcome.DUPLICATE, Outcome.APPENDED, Outcome.DUPLICATE);
        List<String> inStoreOrder = jdbc.queryForList(
                "select event_id from inbox_index where contract_id = ? order by global_index",
                String.class,
                contractId);
        assertThat(inStoreOrder).containsExactly(stored.eventId(), registered.eventId(), account.eventId());
        List<String> inChainOrder = jdbc.queryForList(
                "select c.event_id from inbox_chain c join inbox_index i on i.event_id = c.event_id"
                        + " where i.contract_id = ? order by c.position",
                String.class,
                contractId);
        assertThat(inChainOrder).isEqualTo(inStoreOrder);
        var report = integrity.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.unchainedEvents()).isEmpty();
    }

    @Test
    void aDeliveryOfDuplicatesOnlyChangesNothing() {
        String contractId = "c-" + UUID.randomUUID();
        InboxEvent event =
                event(contractId, new LegalCase(contractId).contractEvents().get(0));
        assertThat(inbox.appendAll(List.of(event))).containsExactly(Outcome.APPENDED);

        assertThat(inbox.appendAll(List.of(event, event))).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);

        for (String table : List.of(
                "domainevententry where eventidentifier", "inbox_index where event_id", "inbox_chain where event_id")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " = ?", Long.class, event.eventId()))
                    .as(table)
                    .isEqualTo(1);
        }
    }

    /**
     * The look-up of ids already stored is made before the ledger's lock: another append that stores one of them in
     * between (here, while this one waits for the lock) makes it a duplicate all the same, and the others are stored.
     */
    @Test
    void anIdStoredByAnotherAppendWhileThisOneWaitsForTheLockIsADuplicate(
            @Autowired EventStore eventStore,
            @Autowired PlatformTransactionManager transactions,
            @Autowired Inbox.InboxLedger ledger,
            @Autowired @Qualifier("eventSerializer") Serializer serializer)
            throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        List<Object> facts = new LegalCase(contractId).contractEvents();
        InboxEvent contested = event(contractId, facts.get(0));
        InboxEvent other = event(contractId, facts.get(1));
        ExecutorService anotherConsumer = Executors.newSingleThreadExecutor();
        AtomicBoolean raced = new AtomicBoolean();
        Inbox.InboxLedger racedLedger = () -> {
            if (raced.compareAndSet(false, true)) {
                try {
                    // Another consumer's append, committed before this one takes the lock for the first time.
                    assertThat(anotherConsumer
                                    .submit(() -> inbox.append(contested))
                                    .get())
                            .isEqualTo(Outcome.APPENDED);
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return ledger.beforeAppend();
        };
        Inbox racing = new Inbox(eventStore, jdbc, new TransactionTemplate(transactions), racedLedger, serializer);

        try {
            assertThat(racing.appendAll(List.of(contested, other)))
                    .containsExactly(Outcome.DUPLICATE, Outcome.APPENDED);
        } finally {
            anotherConsumer.shutdownNow();
        }

        for (String eventId : List.of(contested.eventId(), other.eventId())) {
            for (String table : List.of(
                    "domainevententry where eventidentifier",
                    "inbox_index where event_id",
                    "inbox_chain where event_id")) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " = ?", Long.class, eventId))
                        .as("%s %s", table, eventId)
                        .isEqualTo(1);
            }
        }
        var report = integrity.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
    }

    private static InboxEvent event(String contractId, Object payload) {
        return new InboxEvent(
                UUID.randomUUID().toString(),
                payload,
                Map.of(InboxMetaData.CONTRACT_ID, contractId),
                Instant.parse("2026-05-01T12:00:00Z"));
    }
}
