package io.leverwatch.kit.publish;

import org.axonframework.eventhandling.EventMessage;

/**
 * Decides whether a stored domain event may leave the service now. Services whose events can arrive
 * before the contract they belong to is known (billing, access) hold them until it is, and quarantine
 * those that turn out to belong to another agency's contract.
 */
public interface PublicationGate {

    sealed interface Decision permits Publish, Hold, Skip {}

    /** Publish now, keyed by this contract. */
    record Publish(String contractId) implements Decision {}

    /** Keep it until the gate releases it (see {@link OutboundPublisher#publish}). */
    record Hold(String reason) implements Decision {}

    /** Not a published event (an internal fact of the service), or quarantined. */
    record Skip(String reason) implements Decision {}

    Decision decide(Object payload, EventMessage<?> message);
}
