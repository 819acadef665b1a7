package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.operator.evidence.Hashes;
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
        Head head = jdbc.queryForObject(
                "select position, hash from inbox_chain_head where id = 1",
                (rs, row) -> new Head(rs.getLong("position"), rs.getBytes("hash")));
        byte[] digest = event.digest();
        byte[] hash = next(head.hash(), digest);
        long position = head.position() + 1;
        jdbc.update(
                "insert into inbox_chain (position, global_index, event_id, row_digest, hash) values (?, ?, ?, ?, ?)",
                position,
                event.globalIndex(),
                event.eventId(),
                digest,
                hash);
        jdbc.update("update inbox_chain_head set position = ?, hash = ? where id = 1", position, hash);
    }

    static byte[] next(byte[] previous, byte[] rowDigest) {
        return Hashes.sha256(previous, rowDigest);
    }

    record Head(long position, byte[] hash) {}
}
