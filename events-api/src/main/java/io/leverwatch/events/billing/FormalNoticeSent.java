package io.leverwatch.events.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A formal notice to pay (mise en demeure, C. civ. art. 1344) was sent for the invoice. */
@Revision("1")
public record FormalNoticeSent(String invoiceId, String contractId, Instant occurredAt) {}
