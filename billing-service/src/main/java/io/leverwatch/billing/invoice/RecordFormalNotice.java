package io.leverwatch.billing.invoice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a formal notice to pay (mise en demeure, C. civ. art. 1344) was sent for the invoice.
 * {@code occurredAt} is business time.
 */
public record RecordFormalNotice(@TargetAggregateIdentifier String invoiceId, Instant occurredAt) {}
