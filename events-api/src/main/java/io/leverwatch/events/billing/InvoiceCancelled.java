package io.leverwatch.events.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The invoice is cancelled: nothing is owed on it any more. */
@Revision("1")
public record InvoiceCancelled(String invoiceId, String contractId, String reason, Instant occurredAt) {}
