package io.leverwatch.kit.gate;

import io.leverwatch.kit.publish.OutboundPublisher;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once what held events wait for is registered, publishes them in their original order under its contract,
 * or quarantines those another agency sent. The service calls it from whatever tells it of the registration,
 * in that transaction: if publishing fails the whole is retried, and a retry after a published-but-not-
 * committed attempt publishes again under the same CloudEvent ids, which consumers de-duplicate.
 */
public class HeldEventRelease {

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

    /** Releases the events held for the registration's key as they were stored. */
    public void release(Registration registration) {
        release(registration, UnaryOperator.identity());
    }

    /**
     * Releases the events held for the registration's key, each payload first completed with what was not
     * known when it was stored (e.g. its contract id).
     */
    public void release(Registration registration, UnaryOperator<Object> completion) {
        locks.lock(registration.key());
        List<OutgoingEvent> events = held.take(registration.key());
        for (OutgoingEvent stored : events) {
            OutgoingEvent event = stored.withPayload(completion.apply(stored.payload()));
            if (!quarantine.quarantineIfForeign(event, registration)) {
                publisher.publish(event.payload(), event.eventId(), event.metaData(), registration.contractId());
            }
        }
        if (!events.isEmpty()) {
            log.info(
                    "released {} held event(s) of {} under contract {}",
                    events.size(),
                    registration.key(),
                    registration.contractId());
        }
    }
}
