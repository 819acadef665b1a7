package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.operator.evidence.Hashes;
import io.leverwatch.compliance.operator.ledger.IntegrityReport.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the stored inbox against its hash chain: every link must follow from the one before, every chained event
 * must still be stored exactly as it was chained, the head must be the last link, and no inbox event may be stored
 * without a link. Reads in pages, in one repeatable-read snapshot, so appends going on meanwhile do not disturb it.
 */
@Component
public class IntegrityCheck {

    static final int MAX_PROBLEMS = 100;
    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    IntegrityCheck(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.clock = clock;
    }

    public IntegrityReport verify() {
        return snapshot.execute(status -> check());
    }

    private IntegrityReport check() {
        List<Problem> problems = new ArrayList<>();
        byte[] previous = InboxChain.GENESIS;
        long position = 0;
        List<Link> page;
        do {
            page = jdbc.query(
                    "select c.position, c.global_index, c.event_id, c.row_digest, c.hash, d.globalindex as stored,"
                            + " d.eventidentifier, d.aggregateidentifier, d.sequencenumber, d.type, d.payloadtype,"
                            + " d.payloadrevision, d.timestamp, d.metadata, d.payload, d.globalindex"
                            + " from inbox_chain c left join domainevententry d on d.globalindex = c.global_index"
                            + " where c.position > ? order by c.position limit " + PAGE,
                    IntegrityCheck::link,
                    position);
            for (Link link : page) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.addAll(problemsOf(link, position + 1, previous));
                }
                previous = link.hash();
                position = link.position();
            }
        } while (page.size() == PAGE);

        IntegrityReport.Head head = jdbc.queryForObject(
                "select position, hash from inbox_chain_head where id = 1",
                (rs, row) -> new IntegrityReport.Head(rs.getLong("position"), Hashes.hex(rs.getBytes("hash"))));
        if (head.position() != position || !head.hash().equals(Hashes.hex(previous))) {
            problems.add(new Problem(
                    head.position(),
                    null,
                    null,
                    "HEAD_MISMATCH",
                    "the head names link " + head.position() + " but the chain ends at link " + position
                            + ": links were removed from its end, or the head was rewritten"));
        }
        List<Problem> unchained = jdbc.query(
                "select d.globalindex, d.eventidentifier from domainevententry d where " + StoredEvent.IS_INBOX_EVENT
                        + " and not exists (select 1 from inbox_chain c where c.global_index = d.globalindex)"
                        + " order by d.globalindex limit " + MAX_PROBLEMS,
                (rs, row) -> new Problem(
                        null,
                        rs.getLong("globalindex"),
                        rs.getString("eventidentifier"),
                        "EVENT_NOT_CHAINED",
                        "event " + rs.getString("eventidentifier")
                                + " is in the store but not in the chain: it was stored around the inbox"));
        return new IntegrityReport(
                problems.isEmpty() && unchained.isEmpty(),
                position,
                head,
                problems.isEmpty() ? null : problems.get(0),
                problems,
                unchained,
                clock.instant());
    }

    /** What is wrong with one link, given the position and hash the link before it had. */
    static List<Problem> problemsOf(Link link, long expectedPosition, byte[] previousHash) {
        List<Problem> problems = new ArrayList<>();
        if (link.position() != expectedPosition) {
            problems.add(problem(
                    link,
                    "LINKS_MISSING",
                    "links " + expectedPosition + " to " + (link.position() - 1) + " are missing before event "
                            + link.eventId() + ": their rows were deleted from the chain"));
        } else if (!Arrays.equals(link.hash(), InboxChain.next(previousHash, link.rowDigest()))) {
            problems.add(problem(
                    link,
                    "LINK_ALTERED",
                    "link " + link.position() + " (event " + link.eventId()
                            + ") does not follow from the link before it: the chain was rewritten here"));
        }
        if (link.stored().isEmpty()) {
            problems.add(problem(
                    link,
                    "EVENT_REMOVED",
                    "event " + link.eventId() + " (global index " + link.globalIndex()
                            + ") was chained but is no longer in the store"));
        } else {
            StoredEvent stored = link.stored().get();
            if (!stored.eventId().equals(link.eventId()) || !Arrays.equals(stored.digest(), link.rowDigest())) {
                problems.add(problem(
                        link,
                        "EVENT_ALTERED",
                        "event " + link.eventId() + " (global index " + link.globalIndex()
                                + ") is not stored as it was chained: its payload, metadata or columns changed"));
            }
        }
        return problems;
    }

    private static Problem problem(Link link, String kind, String detail) {
        return new Problem(link.position(), link.globalIndex(), link.eventId(), kind, detail);
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        rs.getLong("stored");
        Optional<StoredEvent> stored = rs.wasNull() ? Optional.empty() : Optional.of(StoredEvent.of(rs));
        return new Link(
                rs.getLong("position"),
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getBytes("row_digest"),
                rs.getBytes("hash"),
                stored);
    }

    /** One row of the chain, with the stored event it names if it is still there. */
    record Link(
            long position,
            long globalIndex,
            String eventId,
            byte[] rowDigest,
            byte[] hash,
            Optional<StoredEvent> stored) {}
}
