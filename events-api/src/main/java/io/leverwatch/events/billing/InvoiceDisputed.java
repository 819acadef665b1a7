package io.leverwatch.events.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client disputes the invoice. */
@Revision("1")
public record InvoiceDisputed(String invoiceId, String contractId, String reason, Instant occurredAt) {}
