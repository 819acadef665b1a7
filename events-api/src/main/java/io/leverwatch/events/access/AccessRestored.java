package io.leverwatch.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client can use the account again. */
@Revision("1")
public record AccessRestored(String accountId, String contractId, RestoreMeans means, Instant occurredAt) {}
