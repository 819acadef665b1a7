package io.leverwatch.contract.lifecycle;

import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Party;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a contract. {@code occurredAt} is the business time the agency gives. */
public final class ContractCommands {

    public record RegisterContract(
            @TargetAggregateIdentifier String contractId,
            String agencyId,
            String agencyName,
            String clientId,
            String clientName,
            String scope,
            LocalDate startDate,
            Instant occurredAt) {}

    public record RegisterAccount(
            @TargetAggregateIdentifier String contractId,
            String accountId,
            Platform platform,
            String label,
            HeldInNameOf heldInNameOf,
            Instant occurredAt) {}

    public record DeclareCriticalPeriod(
            @TargetAggregateIdentifier String contractId,
            Instant from,
            Instant to,
            String description,
            Instant occurredAt) {}

    public record TerminateContract(
            @TargetAggregateIdentifier String contractId,
            Party terminatedBy,
            Instant effectiveAt,
            String reason,
            Instant occurredAt) {}

    private ContractCommands() {}
}
