package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.inbox.Inbox;
import io.leverwatch.compliance.inbox.InboxEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inbox writes beside each event, in the append's transaction: its line of {@code inbox_index} and its link
 * of the hash chain. The chain's head is locked before the event is stored, so that links follow the store's order.
 */
@Component
class ChainedInboxLedger implements Inbox.InboxLedger {

    private final JdbcTemplate jdbc;
    private final InboxChain chain;

    ChainedInboxLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.chain = new InboxChain(jdbc);
    }

    @Override
    public void beforeAppend() {
        chain.lockHead();
    }

    @Override
    public void appended(InboxEvent event) {
        StoredEvent stored = jdbc.queryForObject(
                "select " + StoredEvent.COLUMNS + " from domainevententry where eventidentifier = ?",
                (rs, row) -> StoredEvent.of(rs),
                event.eventId());
        chain.link(stored);
        IndexEntry.of(stored.globalIndex(), event.eventId(), event.payload(), event.metaData(), event.receivedAt())
                .insert(jdbc);
    }
}
