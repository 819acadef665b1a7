package io.leverwatch.billing.publish;

import io.leverwatch.billing.contracts.ContractBecameKnown;
import io.leverwatch.kit.publish.OutboundPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a contract becomes known, publishes the events held for it in their original order, or quarantines
 * those another agency sent. It runs in the transaction that records the contract: if publishing fails, the
 * contract is not recorded either and the whole is retried; a retry after a published-but-not-committed
 * attempt publishes again under the same CloudEvent ids, which consumers de-duplicate.
 */
@Component
class HeldEventRelease {

    private static final Logger log = LoggerFactory.getLogger(HeldEventRelease.class);

    private final PublicationLocks locks;
    private final HeldPublications held;
    private final Quarantine quarantine;
    private final OutboundPublisher publisher;

    HeldEventRelease(
            PublicationLocks locks, HeldPublications held, Quarantine quarantine, OutboundPublisher publisher) {
        this.locks = locks;
        this.held = held;
        this.quarantine = quarantine;
        this.publisher = publisher;
    }

    @EventListener
    void on(ContractBecameKnown contract) {
        locks.lockContract(contract.contractId());
        var events = held.take(contract.contractId());
        for (HeldEvent event : events) {
            String sender = event.agencyId();
            if (sender != null && !sender.equals(contract.agencyId())) {
                quarantine.quarantine(
                        event.eventId(),
                        event.eventType(),
                        event.payload(),
                        event.metaData(),
                        contract.contractId(),
                        sender,
                        contract.agencyId());
            } else {
                publisher.publish(event.payload(), event.eventId(), event.metaData(), contract.contractId());
            }
        }
        if (!events.isEmpty()) {
            log.info("released {} held event(s) of contract {}", events.size(), contract.contractId());
        }
    }
}
