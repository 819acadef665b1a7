package io.leverwatch.billing.invoice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency declares the invoice overdue from {@code occurredAt} (business time). */
public record DeclareOverdue(@TargetAggregateIdentifier String invoiceId, Instant occurredAt) {}
