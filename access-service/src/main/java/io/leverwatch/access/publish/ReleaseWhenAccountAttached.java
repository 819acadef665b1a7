package io.leverwatch.access.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.access.account.AccountAttachedToContract;
import io.leverwatch.kit.gate.HeldEventRelease;
import io.leverwatch.kit.gate.Registration;
import io.leverwatch.kit.publish.OutboundPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When an account is attached to its contract, publishes the access events held for it, in their original
 * order and now carrying the contract id, or quarantines those another agency sent. It runs in the
 * publisher's own processor (same thread, same transaction), where the attachment comes after every event
 * recorded without a contract, so nothing is left behind and a failure is retried with the publisher.
 */
@Component
@ProcessingGroup(OutboundPublisher.PROCESSING_GROUP)
class ReleaseWhenAccountAttached {

    private final HeldEventRelease release;
    private final ObjectMapper mapper;

    ReleaseWhenAccountAttached(HeldEventRelease release, ObjectMapper mapper) {
        this.release = release;
        this.mapper = mapper;
    }

    @EventHandler
    void on(AccountAttachedToContract attached) {
        release.release(
                new Registration(
                        AccessPublicationGate.account(attached.accountId()),
                        attached.contractId(),
                        attached.agencyId()),
                payload -> withContract(payload, attached.contractId()));
    }

    /** The same record with its contract filled in: published events always carry it. */
    private Object withContract(Object payload, String contractId) {
        ObjectNode node = mapper.valueToTree(payload);
        node.put("contractId", contractId);
        try {
            return mapper.treeToValue(node, payload.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot attach " + payload.getClass().getSimpleName(), e);
        }
    }
}
