package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.operator.evidence.Hashes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hash chain over the inbox ({@code inbox_chain}): link n is {@code SHA-256(hash(n-1) || digest(row n))}, from
 * 32 zero bytes, in the order of the appends. Every method runs in the caller's transaction.
 */
final class InboxChain {

    static final byte[] GENESIS = new byte[Hashes.SHA256_LENGTH];

    private final JdbcTemplate jdbc;

    InboxChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the chain's head until the transaction ends: appends make their links one at a time. */
    long lockHead() {
        Long position =
                jdbc.queryForObject("select position from inbox_chain_head where id = 1 for update", Long.class);
        return position == null ? 0 : position;
    }

    /** The next link, for an event just stored. The head must be locked. */
    void link(StoredEvent event) {
        linkAll(List.of(event));
    }

    /**
     * The next links, one per event in the order given (the order they were stored), written with one batch insert
     * and one move of the head. The head must be locked.
     */
    void linkAll(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Head head = jdbc.queryForObject(
                "select position, hash from inbox_chain_head where id = 1",
                (rs, row) -> new Head(rs.getLong("position"), rs.getBytes("hash")));
        List<Object[]> links = new ArrayList<>(events.size());
        long position = head.position();
        byte[] hash = head.hash();
        for (StoredEvent event : events) {
            byte[] digest = event.digest();
            hash = next(hash, digest);
            position++;
            links.add(new Object[] {position, event.globalIndex(), event.eventId(), digest, hash});
        }
        jdbc.batchUpdate(
                "insert into inbox_chain (position, global_index, event_id, row_digest, hash) values (?, ?, ?, ?, ?)",
                links);
        jdbc.update("update inbox_chain_head set position = ?, hash = ? where id = 1", position, hash);
    }

    static byte[] next(byte[] previous, byte[] rowDigest) {
        return Hashes.sha256(previous, rowDigest);
    }

    record Head(long position, byte[] hash) {}
}
