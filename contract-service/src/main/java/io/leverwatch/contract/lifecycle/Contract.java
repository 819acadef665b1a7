package io.leverwatch.contract.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.leverwatch.contract.lifecycle.ContractCommands.DeclareCriticalPeriod;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterAccount;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterContract;
import io.leverwatch.contract.lifecycle.ContractCommands.TerminateContract;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contract between an agency and its client: the accounts the agency manages for it (held in the
 * client's name or the agency's), the periods in which losing access would harm the client most, and its
 * termination.
 */
@Aggregate
public class Contract {

    @AggregateIdentifier
    private String contractId;

    private String agencyId;
    private LocalDate startDate;
    private final Map<String, AccountRegistered> accounts = new HashMap<>();
    private Instant terminationEffectiveAt;

    protected Contract() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterContract command) {
        if (agencyId != null) {
            throw ContractRejected.conflict("contract " + command.contractId() + " is already registered");
        }
        apply(new ContractRegistered(
                command.contractId(),
                command.agencyId(),
                command.agencyName(),
                command.clientId(),
                command.clientName(),
                command.scope(),
                command.startDate(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(RegisterAccount command) {
        AccountRegistered known = accounts.get(command.accountId());
        if (known != null) {
            if (known.heldInNameOf() == command.heldInNameOf() && known.platform() == command.platform()) {
                return;
            }
            throw ContractRejected.conflict("account " + command.accountId() + " is already registered on contract "
                    + contractId + " as " + known.platform() + " held in the name of the " + known.heldInNameOf());
        }
        if (terminationEffectiveAt != null && command.occurredAt().isAfter(terminationEffectiveAt)) {
            throw ContractRejected.conflict("contract " + contractId + " was terminated on " + terminationEffectiveAt
                    + ": no account can be added after that");
        }
        apply(new AccountRegistered(
                contractId,
                agencyId,
                command.accountId(),
                command.platform(),
                command.label(),
                command.heldInNameOf(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(DeclareCriticalPeriod command) {
        if (!command.to().isAfter(command.from())) {
            throw ContractRejected.unprocessable("a critical period must end after it starts (from " + command.from()
                    + ", to " + command.to() + ")");
        }
        apply(new CriticalPeriodDeclared(
                contractId, agencyId, command.from(), command.to(), command.description(), command.occurredAt()));
    }

    @CommandHandler
    void handle(TerminateContract command) {
        if (terminationEffectiveAt != null) {
            throw ContractRejected.conflict(
                    "contract " + contractId + " is already terminated, effective " + terminationEffectiveAt);
        }
        if (command.effectiveAt()
                .isBefore(startDate.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw ContractRejected.unprocessable("termination effective " + command.effectiveAt()
                    + " is before the contract's start date " + startDate);
        }
        apply(new ContractTerminated(
                contractId,
                agencyId,
                command.terminatedBy(),
                command.effectiveAt(),
                command.reason(),
                command.occurredAt()));
    }

    @EventSourcingHandler
    void on(ContractRegistered event) {
        contractId = event.contractId();
        agencyId = event.agencyId();
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accounts.put(event.accountId(), event);
    }

    @EventSourcingHandler
    void on(ContractTerminated event) {
        terminationEffectiveAt = event.effectiveAt();
    }
}
