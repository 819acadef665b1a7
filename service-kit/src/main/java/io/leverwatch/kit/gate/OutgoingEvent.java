package io.leverwatch.kit.gate;

import io.leverwatch.kit.publish.MetaDataKeys;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;

/** A stored domain event on its way out, as it will be published: id, CloudEvents type, record, metadata. */
public record OutgoingEvent(String eventId, String eventType, Object payload, Map<String, Object> metaData) {

    public static OutgoingEvent of(String eventType, Object payload, EventMessage<?> message) {
        return new OutgoingEvent(message.getIdentifier(), eventType, payload, message.getMetaData());
    }

    /** The agency whose key caused the event; null for an event the service raised on its own. */
    public String senderAgencyId() {
        Object agency = metaData.get(MetaDataKeys.AGENCY_ID);
        return agency == null ? null : agency.toString();
    }

    /**
     * Whether an agency other than the owner sent it. An event the service raised on its own carries no agency
     * and is never foreign: what caused it was checked already.
     */
    public boolean isForeignTo(String ownerAgencyId) {
        String sender = senderAgencyId();
        return sender != null && !sender.equals(ownerAgencyId);
    }

    OutgoingEvent withPayload(Object completed) {
        return new OutgoingEvent(eventId, eventType, completed, metaData);
    }
}
