package io.leverwatch.kit.gate;

/**
 * What a {@link io.leverwatch.kit.publish.PublicationGate} of a service downstream of contract-service needs
 * when it decides on an event: to hold it until what it is about is registered, or to quarantine it once it
 * turns out to be another agency's. The gate decides which; it runs in the publisher's transaction.
 */
public class PublicationHold {

    private final PublicationLocks locks;
    private final HeldPublications held;
    private final Quarantine quarantine;

    PublicationHold(PublicationLocks locks, HeldPublications held, Quarantine quarantine) {
        this.locks = locks;
        this.held = held;
        this.quarantine = quarantine;
    }

    /**
     * Takes the key's lock until the transaction ends. The release takes it too, so what the gate reads and
     * holds under it cannot race a registration arriving at the same moment.
     */
    public void lock(GateKey key) {
        locks.lock(key);
    }

    /** Keeps the event until {@link HeldEventRelease#release} for its key; call it under the key's lock. */
    public void hold(GateKey key, OutgoingEvent event) {
        held.hold(key, event);
    }

    /** Quarantines the event if another agency than the registered owner sent it; true when it did. */
    public boolean quarantineIfForeign(OutgoingEvent event, Registration registration) {
        return quarantine.quarantineIfForeign(event, registration);
    }
}
