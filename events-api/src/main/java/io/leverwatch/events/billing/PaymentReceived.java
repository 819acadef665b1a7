package io.leverwatch.events.billing;

import io.leverwatch.events.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client paid part or all of an invoice; {@code outstanding} is what is left to pay. */
@Revision("1")
public record PaymentReceived(
        String invoiceId, String contractId, Money amount, Money outstanding, Instant occurredAt) {}
