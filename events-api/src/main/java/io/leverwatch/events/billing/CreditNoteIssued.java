package io.leverwatch.events.billing;

import io.leverwatch.events.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The agency owes the client money under the contract (a basis for set-off, C. civ. art. 1347). */
@Revision("1")
public record CreditNoteIssued(String creditNoteId, String contractId, Money amount, Instant occurredAt) {}
