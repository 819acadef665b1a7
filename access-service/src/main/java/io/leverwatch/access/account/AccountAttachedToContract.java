package io.leverwatch.access.account;

import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * access-service learnt which contract the account is managed under. Internal to access-service: it is not
 * part of the published language and is not published; {@code occurredAt} is the registration's business
 * time.
 */
@Revision("1")
public record AccountAttachedToContract(
        String accountId,
        String contractId,
        String agencyId,
        HeldInNameOf heldInNameOf,
        Platform platform,
        String label,
        Instant occurredAt) {}
