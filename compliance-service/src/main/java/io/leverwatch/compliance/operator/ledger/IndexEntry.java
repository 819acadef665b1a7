package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.inbox.InboxMetaData;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.kit.publish.EventFields;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** One line of {@code inbox_index}: which contract an inbox event is about, and when it happened and arrived. */
record IndexEntry(
        long globalIndex,
        String eventId,
        String contractId,
        String type,
        String source,
        Instant businessTime,
        Instant receivedAt) {

    /**
     * The entry for an event as the inbox stored it. The inbox's metadata says it all; for an event stored without
     * it, the published record does (its contract, its {@code occurredAt}), and the store's timestamp is its arrival.
     */
    static IndexEntry of(long globalIndex, String eventId, Object payload, Map<String, ?> metaData, Instant storedAt) {
        String contractId = text(metaData, InboxMetaData.CONTRACT_ID);
        String type = text(metaData, InboxMetaData.CE_TYPE);
        String businessTime = text(metaData, InboxMetaData.BUSINESS_TIME);
        String receivedAt = text(metaData, InboxMetaData.RECEIVED_AT);
        return new IndexEntry(
                globalIndex,
                eventId,
                contractId != null ? contractId : EventFields.contractId(payload),
                type != null
                        ? type
                        : EventCatalog.typeOf(payload.getClass())
                                .orElse(payload.getClass().getName()),
                text(metaData, InboxMetaData.SOURCE),
                businessTime != null ? Instant.parse(businessTime) : EventFields.occurredAt(payload),
                receivedAt != null ? Instant.parse(receivedAt) : storedAt);
    }

    private static final String INSERT = "insert into inbox_index (global_index, event_id, contract_id, type, source,"
            + " business_time, received_at) values (?, ?, ?, ?, ?, ?, ?)";

    void insert(JdbcTemplate jdbc) {
        jdbc.update(INSERT, columns());
    }

    /** Inserts the entries with one batch statement. */
    static void insertAll(JdbcTemplate jdbc, List<IndexEntry> entries) {
        jdbc.batchUpdate(INSERT, entries.stream().map(IndexEntry::columns).toList());
    }

    private Object[] columns() {
        return new Object[] {
            globalIndex, eventId, contractId, type, source, Timestamp.from(businessTime), Timestamp.from(receivedAt)
        };
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
