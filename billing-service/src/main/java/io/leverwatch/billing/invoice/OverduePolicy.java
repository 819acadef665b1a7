package io.leverwatch.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When an unpaid invoice becomes overdue (DESIGN.md §3): at the start, 00:00 UTC, of the day after its due
 * date. The whole due date belongs to the client, wherever it is.
 */
public final class OverduePolicy {

    /** The instant from which an invoice due on {@code dueOn} is overdue if it is not paid in full. */
    public static Instant overdueFrom(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether {@code now} has reached the instant an invoice becomes overdue. */
    public static boolean hasPassed(Instant overdueFrom, Instant now) {
        return !overdueFrom.isAfter(now);
    }

    private OverduePolicy() {}
}
