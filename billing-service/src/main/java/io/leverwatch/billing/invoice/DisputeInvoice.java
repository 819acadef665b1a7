package io.leverwatch.billing.invoice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the client disputes the invoice, and why. {@code occurredAt} is business time. */
public record DisputeInvoice(@TargetAggregateIdentifier String invoiceId, String reason, Instant occurredAt) {}
