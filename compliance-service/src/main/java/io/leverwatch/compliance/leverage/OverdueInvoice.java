package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import java.time.Instant;

/**
 * An invoice that was overdue during the lockout.
 *
 * @param outstanding what is left to pay now (zero once paid in full or cancelled)
 * @param overdueUntil when it was paid in full or cancelled; null while it is still overdue
 */
public record OverdueInvoice(
        String invoiceId,
        Money outstanding,
        Instant overdueSince,
        Instant overdueUntil,
        boolean disputed,
        boolean formalNoticeSent) {

    /** Still overdue as far as the facts show: neither paid in full nor cancelled. */
    public boolean stillOverdue() {
        return overdueUntil == null;
    }
}
