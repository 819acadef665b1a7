package io.leverwatch.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The credentials of an account changed. {@code contractId} is null while the account's registration is
 * not yet known to access-service; published events always carry it.
 */
@Revision("1")
public record CredentialsChanged(
        String accountId,
        String contractId,
        Actor changedBy,
        boolean ownerRetainsAccess,
        ChangeReason reason,
        Instant occurredAt) {}
