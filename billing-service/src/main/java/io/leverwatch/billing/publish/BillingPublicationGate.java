package io.leverwatch.billing.publish;

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
import org.springframework.stereotype.Component;

/**
 * Lets a billing event leave the service only once its contract is known and owned by the agency that sent
 * it. Until contract-service has registered the contract the event is held ({@link ReleaseWhenContractKnown}
 * publishes it then); if the contract turns out to be another agency's it is quarantined.
 */
@Component
class BillingPublicationGate implements PublicationGate {

    private final KnownContracts contracts;
    private final PublicationHold holding;

    BillingPublicationGate(KnownContracts contracts, PublicationHold holding) {
        this.contracts = contracts;
        this.holding = holding;
    }

    @Override
    public Decision decide(Object payload, EventMessage<?> message) {
        Optional<String> type = EventCatalog.typeOf(payload.getClass());
        String contractId = EventFields.contractId(payload);
        if (type.isEmpty() || contractId == null) {
            return new Skip("not a published event");
        }
        OutgoingEvent event = OutgoingEvent.of(type.get(), payload, message);
        GateKey key = GateKey.contract(contractId);
        Optional<String> owner = contracts.agencyOf(contractId);
        if (owner.isEmpty()) {
            // The contract may be arriving right now: decide under its lock, as the release does.
            holding.lock(key);
            owner = contracts.agencyOf(contractId);
        }
        if (owner.isEmpty()) {
            holding.hold(key, event);
            return new Hold("contract " + contractId + " is not known yet");
        }
        // Events the service raises itself without an agency's command carry no agency, and are never
        // quarantined: their invoice's issue was checked already.
        if (holding.quarantineIfForeign(event, Registration.ofContract(contractId, owner.get()))) {
            return new Skip("quarantined: contract " + contractId + " is another agency's");
        }
        return new Publish(contractId);
    }
}
