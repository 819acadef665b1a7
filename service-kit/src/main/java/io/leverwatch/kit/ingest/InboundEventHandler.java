package io.leverwatch.kit.ingest;

import java.util.Set;

/**
 * What a service contributes to ingestion: the CloudEvents types it owns, who owns the contract an event
 * is about, and the command an event becomes. Everything else (parsing, validation, keys, de-duplication,
 * problem details, dead letters) is done once by the kit.
 */
public interface InboundEventHandler {

    Set<String> types();

    /** Ownership of the contract this event is about, for the agency whose key sent it. */
    Ownership ownership(InboundEvent event);

    /**
     * Turns the event into a command and sends it, waiting for the outcome. A business rejection is thrown
     * as a {@link io.leverwatch.kit.web.DomainRejection} and answered as a problem.
     */
    void handle(InboundEvent event);
}
