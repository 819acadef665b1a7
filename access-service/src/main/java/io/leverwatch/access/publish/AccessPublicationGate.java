package io.leverwatch.access.publish;

import io.leverwatch.access.contracts.KnownAccounts;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.kit.contracts.KnownContracts;
import io.leverwatch.kit.gate.GateKey;
import io.leverwatch.kit.gate.OutgoingEvent;
import io.leverwatch.kit.gate.PublicationHold;
import io.leverwatch.kit.gate.Registration;
import io.leverwatch.kit.publish.EventFields;
import io.leverwatch.kit.publish.PublicationGate;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets an access event leave the service only with its contract and only if the agency that sent it owns
 * the account. An event recorded before its account was attached carries no contract: it is held, by
 * account, until the attachment ({@link ReleaseWhenAccountAttached}). An event from another agency than the
 * account's is quarantined.
 */
@Component
class AccessPublicationGate implements PublicationGate {

    private static final Logger log = LoggerFactory.getLogger(AccessPublicationGate.class);

    private final KnownAccounts accounts;
    private final KnownContracts contracts;
    private final PublicationHold holding;

    AccessPublicationGate(KnownAccounts accounts, KnownContracts contracts, PublicationHold holding) {
        this.accounts = accounts;
        this.contracts = contracts;
        this.holding = holding;
    }

    /** Access events wait for their account, not for a contract they do not name yet. */
    static GateKey account(String accountId) {
        return new GateKey("account", accountId);
    }

    @Override
    public Decision decide(Object payload, EventMessage<?> message) {
        Optional<String> type = EventCatalog.typeOf(payload.getClass());
        String accountId = AccessEventFields.accountId(payload);
        if (type.isEmpty() || accountId == null) {
            // Includes the attachment itself, an internal fact that ReleaseWhenAccountAttached acts on.
            return new Skip("not a published event");
        }
        OutgoingEvent event = OutgoingEvent.of(type.get(), payload, message);
        String contractId = EventFields.contractId(payload);
        if (contractId == null) {
            holding.lock(account(accountId));
            holding.hold(account(accountId), event);
            return new Hold("account " + accountId + " is not attached to a contract yet");
        }
        Optional<String> owner = accounts.find(accountId)
                .map(KnownAccounts.KnownAccount::agencyId)
                .or(() -> contracts.agencyOf(contractId));
        if (owner.isEmpty()) {
            // The attachment commits with the account's registration, so this means the table was tampered
            // with: publishing beats blocking every later event behind this one.
            log.warn(
                    "publishing {} {} without an ownership check: account {} is not registered",
                    event.eventType(),
                    event.eventId(),
                    accountId);
        } else if (holding.quarantineIfForeign(event, new Registration(account(accountId), contractId, owner.get()))) {
            return new Skip("quarantined: account " + accountId + " is another agency's");
        }
        return new Publish(contractId);
    }
}
