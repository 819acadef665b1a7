package io.leverwatch.compliance.operator.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/admin/integrity} found when it checked the stored inbox against its hash chain.
 *
 * @param intact true when every link holds, every chained event is stored unchanged and no inbox event is unchained
 * @param linksChecked how many links of the chain were checked
 * @param head the chain's last link as the head row records it: note it down to check later that nothing was
 *     rewritten since
 * @param firstBrokenLink the first link, in chain order, that no longer holds; null when intact
 * @param problems every broken link found (at most {@value IntegrityCheck#MAX_PROBLEMS})
 * @param unchainedEvents inbox events in the store that the chain does not know (inserted around the inbox)
 */
public record IntegrityReport(
        boolean intact,
        long linksChecked,
        Head head,
        @JsonInclude(JsonInclude.Include.ALWAYS) Problem firstBrokenLink,
        List<Problem> problems,
        List<Problem> unchainedEvents,
        Instant checkedAt) {

    public IntegrityReport {
        problems = List.copyOf(problems);
        unchainedEvents = List.copyOf(unchainedEvents);
    }

    /** The last link: its position and hash (hex). */
    public record Head(long position, String hash) {}

    /**
     * One link that no longer holds.
     *
     * @param position the link's position in the chain, from 1; null for an event the chain does not know
     * @param kind {@code EVENT_ALTERED}, {@code EVENT_REMOVED}, {@code EVENT_NOT_CHAINED}, {@code LINK_ALTERED},
     *     {@code LINKS_MISSING} or {@code HEAD_MISMATCH}
     */
    public record Problem(Long position, Long globalIndex, String eventId, String kind, String detail) {}
}
