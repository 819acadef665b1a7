package io.leverwatch.compliance.operator.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a contract's inbox events through {@code inbox_index} (by contract, in business order), joined to the event
 * store by global index for their records: no query scans the store.
 *
 * <p>Business order is business time then event id, the order the decision core reads facts in.
 */
@Component
public class ContractHistory {

    private static final String ORDER = " order by i.business_time, i.event_id";
    private static final String WITH_PAYLOAD = "select i.global_index, i.event_id, i.type, i.source, i.business_time,"
            + " i.received_at, d.payload, d.payloadtype, d.payloadrevision"
            + " from inbox_index i join domainevententry d on d.globalindex = i.global_index";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ContractHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The contract's events without their records, for the timeline. */
    public List<InboxRecord> timeline(String contractId) {
        return jdbc.query(
                "select i.global_index, i.event_id, i.type, i.source, i.business_time, i.received_at"
                        + " from inbox_index i where i.contract_id = ?" + ORDER,
                (rs, row) -> record(rs, null),
                contractId);
    }

    /** The contract's events with their records. */
    public List<InboxRecord> events(String contractId) {
        return jdbc.query(WITH_PAYLOAD + " where i.contract_id = ?" + ORDER, this::withPayload, contractId);
    }

    /** How many inbox events there are about the contract, or about all contracts when it is null. */
    public long count(String contractId) {
        Long count = contractId == null
                ? jdbc.queryForObject("select count(*) from inbox_index", Long.class)
                : jdbc.queryForObject("select count(*) from inbox_index where contract_id = ?", Long.class, contractId);
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code limit} contracts whose id starts with the text, by id: read along the index from the text on.
     */
    public List<String> contractIdsStartingWith(String text, int limit) {
        return jdbc
                .queryForList(
                        "select distinct contract_id from inbox_index where contract_id >= ? order by contract_id"
                                + " limit ?",
                        String.class,
                        text,
                        limit * 5)
                .stream()
                .filter(id -> id.startsWith(text))
                .limit(limit)
                .toList();
    }

    /** Every contract that has events in the inbox, by id. */
    public List<String> contractIds() {
        return jdbc.queryForList("select distinct contract_id from inbox_index order by contract_id", String.class);
    }

    /**
     * The events of the contracts whose ids lie between the two, both included, one contract after the other by id:
     * what a replay of everything reads, a slice of contracts at a time.
     */
    public List<ContractEvents> eventsOfContracts(String firstContractId, String lastContractId) {
        List<ContractEvents> contracts = new ArrayList<>();
        List<InboxRecord> current = new ArrayList<>();
        String[] contract = {null};
        jdbc.query(
                WITH_PAYLOAD.replace("select i.", "select i.contract_id, i.")
                        + " where i.contract_id between ? and ? order by i.contract_id, i.business_time, i.event_id",
                rs -> {
                    String contractId = rs.getString("contract_id");
                    if (contract[0] != null && !contract[0].equals(contractId)) {
                        contracts.add(new ContractEvents(contract[0], List.copyOf(current)));
                        current.clear();
                    }
                    contract[0] = contractId;
                    current.add(withPayload(rs, 0));
                },
                firstContractId,
                lastContractId);
        if (contract[0] != null) {
            contracts.add(new ContractEvents(contract[0], List.copyOf(current)));
        }
        return contracts;
    }

    /** One contract's events, in business order. */
    public record ContractEvents(String contractId, List<InboxRecord> events) {}

    private InboxRecord withPayload(ResultSet rs, int row) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                rs.getBytes("payload"), byte[].class, rs.getString("payloadtype"), rs.getString("payloadrevision")));
        return record(rs, payload);
    }

    private static InboxRecord record(ResultSet rs, Object payload) throws SQLException {
        return new InboxRecord(
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getTimestamp("business_time").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                payload);
    }
}
