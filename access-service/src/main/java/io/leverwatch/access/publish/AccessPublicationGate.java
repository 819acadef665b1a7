package io.leverwatch.access.publish;

import io.leverwatch.access.contracts.KnownAccounts;
import io.leverwatch.access.contracts.KnownContracts;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.kit.publish.EventFields;
import io.leverwatch.kit.publish.MetaDataKeys;
import io.leverwatch.kit.publish.PublicationGate;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets an access event leave the service only with its contract and only if the agency that sent it owns
 * the account. An event recorded before its account was attached carries no contract: it is held until the
 * attachment ({@link HeldEventRelease}). An event from another agency than the account's is quarantined.
 */
@Component
class AccessPublicationGate implements PublicationGate {

    private static final Logger log = LoggerFactory.getLogger(AccessPublicationGate.class);

    private final KnownAccounts accounts;
    private final KnownContracts contracts;
    private final PublicationLocks locks;
    private final HeldPublications held;
    private final Quarantine quarantine;

    AccessPublicationGate(
            KnownAccounts accounts,
            KnownContracts contracts,
            PublicationLocks locks,
            HeldPublications held,
            Quarantine quarantine) {
        this.accounts = accounts;
        this.contracts = contracts;
        this.locks = locks;
        this.held = held;
        this.quarantine = quarantine;
    }

    @Override
    public Decision decide(Object payload, EventMessage<?> message) {
        Optional<String> type = EventCatalog.typeOf(payload.getClass());
        String accountId = AccessEventFields.accountId(payload);
        if (type.isEmpty() || accountId == null) {
            // Includes the attachment itself, an internal fact that HeldEventRelease acts on.
            return new Skip("not a published event");
        }
        String contractId = EventFields.contractId(payload);
        if (contractId == null) {
            locks.lockAccount(accountId);
            held.hold(accountId, message.getIdentifier(), type.get(), payload, message.getMetaData());
            return new Hold("account " + accountId + " is not attached to a contract yet");
        }
        Optional<String> owner = accounts.find(accountId)
                .map(KnownAccounts.KnownAccount::agencyId)
                .or(() -> contracts.agencyOf(contractId));
        Object sender = message.getMetaData().get(MetaDataKeys.AGENCY_ID);
        if (owner.isEmpty()) {
            // The attachment commits with the account's registration, so this means the table was tampered
            // with: publishing beats blocking every later event behind this one.
            log.warn(
                    "publishing {} {} without an ownership check: account {} is not registered",
                    type.get(),
                    message.getIdentifier(),
                    accountId);
        } else if (sender != null && !sender.equals(owner.get())) {
            quarantine.quarantine(
                    message.getIdentifier(),
                    type.get(),
                    payload,
                    message.getMetaData(),
                    accountId,
                    contractId,
                    sender.toString(),
                    owner.get());
            return new Skip("quarantined: account " + accountId + " is another agency's");
        }
        return new Publish(contractId);
    }
}
