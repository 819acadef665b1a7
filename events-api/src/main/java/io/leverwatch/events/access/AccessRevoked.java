package io.leverwatch.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client's role on the account was removed. */
@Revision("1")
public record AccessRevoked(
        String accountId, String contractId, Revoker revokedBy, AccountRole role, Instant occurredAt) {}
