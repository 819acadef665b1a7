package io.leverwatch.billing.invoice;

import io.leverwatch.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue an invoice to the client. {@code occurredAt} is business time (the CloudEvent's {@code time}). */
public record IssueInvoice(
        @TargetAggregateIdentifier String invoiceId,
        String contractId,
        Money amount,
        LocalDate issuedOn,
        LocalDate dueOn,
        Instant occurredAt) {}
