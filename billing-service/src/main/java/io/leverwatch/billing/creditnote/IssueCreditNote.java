package io.leverwatch.billing.creditnote;

import io.leverwatch.events.Money;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a credit note: money the agency owes the client under a contract. {@code occurredAt} is business time. */
public record IssueCreditNote(
        @TargetAggregateIdentifier String creditNoteId, String contractId, Money amount, Instant occurredAt) {}
