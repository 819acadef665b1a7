package io.leverwatch.access.ingest;

import io.leverwatch.access.account.ChangeCredentials;
import io.leverwatch.access.account.RefuseAccessRequest;
import io.leverwatch.access.account.RequestAccess;
import io.leverwatch.access.account.RestoreAccess;
import io.leverwatch.access.account.RevokeAccess;
import io.leverwatch.access.contracts.KnownAccounts;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.access.AccountRole;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.RestoreMeans;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.kit.contracts.KnownContracts;
import io.leverwatch.kit.ingest.CommandSender;
import io.leverwatch.kit.ingest.InboundEvent;
import io.leverwatch.kit.ingest.InboundEventHandler;
import io.leverwatch.kit.ingest.Ownership;
import io.leverwatch.kit.web.DomainRejection;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the access CloudEvents (DESIGN.md §2) into commands on the ManagedAccount aggregate. An event on an
 * account contract-service has not registered yet is accepted and kept: its ownership is checked when the
 * registration arrives.
 */
@Component
class AccessEventHandler implements InboundEventHandler {

    private final CommandSender commands;
    private final KnownAccounts accounts;
    private final KnownContracts contracts;

    AccessEventHandler(CommandSender commands, KnownAccounts accounts, KnownContracts contracts) {
        this.commands = commands;
        this.accounts = accounts;
        this.contracts = contracts;
    }

    @Override
    public Set<String> types() {
        return Set.copyOf(EventTypes.ACCESS);
    }

    /** The registered account's agency decides; before the registration, the contract the event names, if any. */
    @Override
    public Ownership ownership(InboundEvent event) {
        Optional<KnownAccounts.KnownAccount> account = accounts.find(event.text("accountId"));
        if (account.isPresent()) {
            return account.get().agencyId().equals(event.agencyId()) ? Ownership.OWNED : Ownership.FOREIGN;
        }
        return event.has("contractId")
                ? contracts.ownership(event.text("contractId"), event.agencyId())
                : Ownership.UNKNOWN;
    }

    @Override
    public void handle(InboundEvent event) {
        String accountId = event.text("accountId");
        requireRegisteredContract(event, accountId);
        Object command =
                switch (event.type()) {
                    case EventTypes.CREDENTIALS_CHANGED ->
                        new ChangeCredentials(
                                accountId,
                                Actor.valueOf(event.text("changedBy")),
                                event.data().get("ownerRetainsAccess").asBoolean(),
                                ChangeReason.valueOf(event.text("reason")),
                                event.time());
                    case EventTypes.ACCESS_REVOKED ->
                        new RevokeAccess(
                                accountId,
                                Revoker.valueOf(event.text("revokedBy")),
                                AccountRole.valueOf(event.text("role")),
                                event.time());
                    case EventTypes.ACCESS_REQUESTED -> new RequestAccess(accountId, event.time());
                    case EventTypes.ACCESS_REQUEST_REFUSED ->
                        new RefuseAccessRequest(
                                accountId,
                                RefusalReason.valueOf(event.text("reason")),
                                event.text("statement"),
                                event.time());
                    case EventTypes.ACCESS_RESTORED ->
                        new RestoreAccess(accountId, RestoreMeans.valueOf(event.text("means")), event.time());
                    default -> throw new IllegalArgumentException("not an access event: " + event.type());
                };
        commands.send(command, event);
    }

    /** The optional {@code contractId} may only repeat the contract the account is registered under. */
    private void requireRegisteredContract(InboundEvent event, String accountId) {
        if (!event.has("contractId")) {
            return;
        }
        accounts.find(accountId)
                .filter(account -> !account.contractId().equals(event.text("contractId")))
                .ifPresent(account -> {
                    throw new DomainRejection(
                            DomainRejection.Kind.UNPROCESSABLE,
                            "Account " + accountId + " is registered under contract " + account.contractId() + ", not "
                                    + event.text("contractId") + ".");
                });
    }
}
