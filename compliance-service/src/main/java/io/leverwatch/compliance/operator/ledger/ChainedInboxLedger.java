package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.inbox.Inbox;
import io.leverwatch.compliance.inbox.InboxEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the inbox writes beside its events, in the append's transaction: their lines of {@code inbox_index} and their
 * links of the hash chain. The chain's head is locked before the events are stored, so that links follow the store's
 * order; the rows of one append are read back, linked and indexed with one statement each.
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
    public void appended(List<InboxEvent> events) {
        Map<String, InboxEvent> byId =
                events.stream().collect(Collectors.toMap(InboxEvent::eventId, Function.identity()));
        List<StoredEvent> stored = jdbc.query(
                "select " + StoredEvent.COLUMNS + " from domainevententry where eventidentifier in ("
                        + String.join(",", Collections.nCopies(byId.size(), "?")) + ") order by globalindex",
                (rs, row) -> StoredEvent.of(rs),
                byId.keySet().toArray());
        if (stored.size() != byId.size()) {
            throw new IllegalStateException(
                    "appended " + byId.size() + " inbox events but " + stored.size() + " are stored");
        }
        chain.linkAll(stored);
        IndexEntry.insertAll(
                jdbc,
                stored.stream()
                        .map(row -> {
                            InboxEvent event = byId.get(row.eventId());
                            return IndexEntry.of(
                                    row.globalIndex(),
                                    event.eventId(),
                                    event.payload(),
                                    event.metaData(),
                                    event.receivedAt());
                        })
                        .toList());
    }
}
