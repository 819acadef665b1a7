package io.leverwatch.access.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.access.account.AccountAttachedToContract;
import io.leverwatch.kit.publish.OutboundPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When an account is attached to its contract, publishes the access events held for it, in their original
 * order and now carrying the contract id, or quarantines those another agency sent. It runs in the
 * publisher's own processor (same thread, same transaction), where the attachment comes after every event
 * recorded without a contract, so nothing is left behind and a failure is retried with the publisher.
 */
@Component
@ProcessingGroup(OutboundPublisher.PROCESSING_GROUP)
class HeldEventRelease {

    private static final Logger log = LoggerFactory.getLogger(HeldEventRelease.class);

    private final PublicationLocks locks;
    private final HeldPublications held;
    private final Quarantine quarantine;
    private final OutboundPublisher publisher;
    private final ObjectMapper mapper;

    HeldEventRelease(
            PublicationLocks locks,
            HeldPublications held,
            Quarantine quarantine,
            OutboundPublisher publisher,
            ObjectMapper mapper) {
        this.locks = locks;
        this.held = held;
        this.quarantine = quarantine;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    @EventHandler
    void on(AccountAttachedToContract attached) {
        locks.lockAccount(attached.accountId());
        var events = held.take(attached.accountId());
        for (HeldEvent event : events) {
            Object payload = withContract(event.payload(), attached.contractId());
            String sender = event.agencyId();
            if (sender != null && !sender.equals(attached.agencyId())) {
                quarantine.quarantine(
                        event.eventId(),
                        event.eventType(),
                        payload,
                        event.metaData(),
                        attached.accountId(),
                        attached.contractId(),
                        sender,
                        attached.agencyId());
            } else {
                publisher.publish(payload, event.eventId(), event.metaData(), attached.contractId());
            }
        }
        if (!events.isEmpty()) {
            log.info(
                    "released {} held event(s) of account {} under contract {}",
                    events.size(),
                    attached.accountId(),
                    attached.contractId());
        }
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
