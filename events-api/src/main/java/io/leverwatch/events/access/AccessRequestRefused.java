package io.leverwatch.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The agency refused the client's request for access; {@code statement} is optional free text. */
@Revision("1")
public record AccessRequestRefused(
        String accountId, String contractId, RefusalReason reason, String statement, Instant occurredAt) {}
