package io.leverwatch.compliance.leverage;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open stretch of business time {@code [start, end)}. A null end means it has not ended as far as the facts
 * show. Half-open so that a lockout restored at the very instant an invoice becomes overdue does not overlap it.
 */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
    }

    public static Interval from(Instant start) {
        return new Interval(start, null);
    }

    public boolean isOngoing() {
        return end == null;
    }

    /** True if some instant lies in both intervals; an empty interval overlaps nothing. */
    public boolean overlaps(Interval other) {
        Instant laterStart = overlapStart(other);
        Instant earlierEnd = end == null ? other.end : other.end == null ? end : min(end, other.end);
        return earlierEnd == null || laterStart.isBefore(earlierEnd);
    }

    /** Where an overlap with {@code other} begins: the later of the two starts. */
    public Instant overlapStart(Interval other) {
        return start.isAfter(other.start) ? start : other.start;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
