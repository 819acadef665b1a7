package io.leverwatch.events.billing;

import io.leverwatch.events.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The invoice is overdue from {@code occurredAt} (business time): the start of the day after its due
 * date, or an earlier declaration by the agency.
 */
@Revision("1")
public record InvoiceOverdue(
        String invoiceId, String contractId, Money outstanding, OverdueCause cause, Instant occurredAt) {}
