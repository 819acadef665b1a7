package io.leverwatch.compliance.operator.history;

import io.leverwatch.compliance.leverage.Fact;
import java.time.Instant;

/**
 * One inbox event about a contract, as operators see it: where it came from, when it happened in the business and
 * when compliance received it, and the published record itself ({@code payload}, null on the timeline, which does
 * not read it).
 */
public record InboxRecord(
        long globalIndex,
        String eventId,
        String type,
        String source,
        Instant businessTime,
        Instant receivedAt,
        Object payload) {

    /** The fact the saga made of this event: the same id, source and record, hence the same decisions. */
    public Fact toFact() {
        return Fact.of(eventId, source, payload);
    }

    /** Whether the platform had received it at {@code knownAt}; everything counts when knownAt is null. */
    public boolean knownAt(Instant knownAt) {
        return knownAt == null || !receivedAt.isAfter(knownAt);
    }

    /** Whether it had happened, in business time, at {@code asOf}. */
    public boolean happenedBy(Instant asOf) {
        return !businessTime.isAfter(asOf);
    }
}
