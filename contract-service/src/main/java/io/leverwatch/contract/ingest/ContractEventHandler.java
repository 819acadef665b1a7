package io.leverwatch.contract.ingest;

import io.leverwatch.contract.lifecycle.ContractCommands.DeclareCriticalPeriod;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterAccount;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterContract;
import io.leverwatch.contract.lifecycle.ContractCommands.TerminateContract;
import io.leverwatch.contract.lifecycle.ContractRejected;
import io.leverwatch.contract.query.ContractDirectory;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Party;
import io.leverwatch.events.contract.Platform;
import io.leverwatch.kit.ingest.CommandSender;
import io.leverwatch.kit.ingest.InboundEvent;
import io.leverwatch.kit.ingest.InboundEventHandler;
import io.leverwatch.kit.ingest.Ownership;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Turns the contract CloudEvents (DESIGN.md §2) into commands on the Contract aggregate. */
@Component
class ContractEventHandler implements InboundEventHandler {

    private final CommandSender commands;
    private final ContractDirectory directory;

    ContractEventHandler(CommandSender commands, ContractDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Override
    public Set<String> types() {
        return Set.copyOf(EventTypes.CONTRACT);
    }

    @Override
    public Ownership ownership(InboundEvent event) {
        if (EventTypes.CONTRACT_REGISTERED.equals(event.type())) {
            Optional<String> owner = directory.agencyOf(event.text("contractId"));
            boolean claimsOwnAgency = event.agencyId().equals(event.text("agencyId"));
            return claimsOwnAgency && owner.map(event.agencyId()::equals).orElse(true)
                    ? Ownership.OWNED
                    : Ownership.FOREIGN;
        }
        return directory
                .agencyOf(event.text("contractId"))
                .map(owner -> owner.equals(event.agencyId()) ? Ownership.OWNED : Ownership.FOREIGN)
                .orElse(Ownership.UNKNOWN);
    }

    @Override
    public void handle(InboundEvent event) {
        String contractId = event.text("contractId");
        Object command =
                switch (event.type()) {
                    case EventTypes.CONTRACT_REGISTERED ->
                        new RegisterContract(
                                contractId,
                                event.text("agencyId"),
                                event.text("agencyName"),
                                event.text("clientId"),
                                event.text("clientName"),
                                event.text("scope"),
                                LocalDate.parse(event.text("startDate")),
                                event.time());
                    case EventTypes.ACCOUNT_REGISTERED ->
                        new RegisterAccount(
                                contractId,
                                event.text("accountId"),
                                Platform.valueOf(event.text("platform")),
                                event.text("label"),
                                HeldInNameOf.valueOf(event.text("heldInNameOf")),
                                event.time());
                    case EventTypes.CRITICAL_PERIOD_DECLARED ->
                        new DeclareCriticalPeriod(
                                contractId,
                                instant(event, "from"),
                                instant(event, "to"),
                                event.text("description"),
                                event.time());
                    case EventTypes.CONTRACT_TERMINATED ->
                        new TerminateContract(
                                contractId,
                                Party.valueOf(event.text("terminatedBy")),
                                instant(event, "effectiveAt"),
                                event.text("reason"),
                                event.time());
                    default -> throw new IllegalArgumentException("not a contract event: " + event.type());
                };
        try {
            commands.send(command, event);
        } catch (AggregateNotFoundException e) {
            throw ContractRejected.unknownContract(contractId);
        }
    }

    private static Instant instant(InboundEvent event, String field) {
        return OffsetDateTime.parse(event.text(field)).toInstant();
    }
}
