package io.leverwatch.events.billing;

import io.leverwatch.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The agency invoiced the client. */
@Revision("1")
public record InvoiceIssued(
        String invoiceId, String contractId, Money amount, LocalDate issuedOn, LocalDate dueOn, Instant occurredAt) {}
