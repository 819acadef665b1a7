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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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

    private static InboxEvent event(String contractId, Object payload) {
        return new InboxEvent(
                UUID.randomUUID().toString(),
                payload,
                Map.of(InboxMetaData.CONTRACT_ID, contractId),
                Instant.parse("2026-05-01T12:00:00Z"));
    }
}
