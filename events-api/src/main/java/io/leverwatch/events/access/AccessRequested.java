package io.leverwatch.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client asked for its access to the account. */
@Revision("1")
public record AccessRequested(String accountId, String contractId, Instant occurredAt) {}
