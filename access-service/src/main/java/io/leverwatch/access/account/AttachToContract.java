package io.leverwatch.access.account;

import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tell access-service which contract the account is managed under, from contract-service's
 * {@code AccountRegistered}. {@code occurredAt} is that registration's business time.
 */
public record AttachToContract(
        @TargetAggregateIdentifier String accountId,
        String contractId,
        String agencyId,
        HeldInNameOf heldInNameOf,
        Platform platform,
        String label,
        Instant occurredAt) {}
