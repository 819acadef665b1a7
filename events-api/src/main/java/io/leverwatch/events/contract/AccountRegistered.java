package io.leverwatch.events.contract;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An account (social network, domain, ads, admin) is managed under the contract. */
@Revision("1")
public record AccountRegistered(
        String contractId,
        String agencyId,
        String accountId,
        Platform platform,
        String label,
        HeldInNameOf heldInNameOf,
        Instant occurredAt) {}
