package io.leverwatch.billing.publish;

import io.leverwatch.billing.contracts.KnownContracts;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.kit.publish.EventFields;
import io.leverwatch.kit.publish.MetaDataKeys;
import io.leverwatch.kit.publish.PublicationGate;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Lets a billing event leave the service only once its contract is known and owned by the agency that sent
 * it. Until contract-service has registered the contract the event is held ({@link HeldPublications}); if
 * the contract turns out to be another agency's it is quarantined ({@link Quarantine}).
 */
@Component
class BillingPublicationGate implements PublicationGate {

    private final KnownContracts contracts;
    private final PublicationLocks locks;
    private final HeldPublications held;
    private final Quarantine quarantine;

    BillingPublicationGate(
            KnownContracts contracts, PublicationLocks locks, HeldPublications held, Quarantine quarantine) {
        this.contracts = contracts;
        this.locks = locks;
        this.held = held;
        this.quarantine = quarantine;
    }

    @Override
    public Decision decide(Object payload, EventMessage<?> message) {
        Optional<String> type = EventCatalog.typeOf(payload.getClass());
        String contractId = EventFields.contractId(payload);
        if (type.isEmpty() || contractId == null) {
            return new Skip("not a published event");
        }
        Optional<String> owner = contracts.agencyOf(contractId);
        if (owner.isEmpty()) {
            // The contract may be arriving right now: decide under its lock, as the release does.
            locks.lockContract(contractId);
            owner = contracts.agencyOf(contractId);
        }
        if (owner.isEmpty()) {
            held.hold(contractId, message.getIdentifier(), type.get(), payload, message.getMetaData());
            return new Hold("contract " + contractId + " is not known yet");
        }
        // Events the service raises itself without an agency's command carry no agency: their invoice's
        // issue was checked already.
        Object sender = message.getMetaData().get(MetaDataKeys.AGENCY_ID);
        if (sender != null && !sender.equals(owner.get())) {
            quarantine.quarantine(
                    message.getIdentifier(),
                    type.get(),
                    payload,
                    message.getMetaData(),
                    contractId,
                    sender.toString(),
                    owner.get());
            return new Skip("quarantined: contract " + contractId + " is another agency's");
        }
        return new Publish(contractId);
    }
}
