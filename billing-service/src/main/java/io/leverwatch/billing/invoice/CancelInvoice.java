package io.leverwatch.billing.invoice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel the invoice: nothing will be owed on it any more. {@code occurredAt} is business time. */
public record CancelInvoice(@TargetAggregateIdentifier String invoiceId, String reason, Instant occurredAt) {}
