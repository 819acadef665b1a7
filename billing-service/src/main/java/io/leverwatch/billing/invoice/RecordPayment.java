package io.leverwatch.billing.invoice;

import io.leverwatch.events.Money;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the client paid part or all of an invoice. {@code occurredAt} is business time. */
public record RecordPayment(@TargetAggregateIdentifier String invoiceId, Money amount, Instant occurredAt) {}
