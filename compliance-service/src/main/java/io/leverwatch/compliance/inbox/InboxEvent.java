package io.leverwatch.compliance.inbox;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * One published event as the inbox stores it: its original id, the events-api record and the inbox metadata.
 *
 * @param receivedAt also the stored event's timestamp, so that the store's own order is the order of arrival
 */
public record InboxEvent(String eventId, Object payload, Map<String, String> metaData, Instant receivedAt) {

    public InboxEvent {
        metaData = Map.copyOf(metaData);
    }

    /** The message to append; its identifier is the original event id, which makes a redelivery a duplicate key. */
    public GenericEventMessage<Object> toMessage() {
        return new GenericEventMessage<>(eventId, payload, metaData, receivedAt);
    }

    public String contractId() {
        return metaData.get(InboxMetaData.CONTRACT_ID);
    }
}
