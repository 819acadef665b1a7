package io.leverwatch.compliance.leverage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leverwatch.events.EventCatalog;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One published event as compliance knows it: the original event id, its CloudEvents type, its business time
 * ({@code occurredAt}), the sending system and the events-api record itself.
 *
 * <p>Every decision is derived from facts in {@link #BUSINESS_ORDER}, never in arrival order, so that the same
 * facts always give the same alerts.
 *
 * <p>Stored (in the saga) with the payload as its own JSON text, written and read by one mapper, so that amounts
 * keep their exact scale whatever the settings of the serializer that stores the saga.
 */
public record Fact(
        String eventId,
        String type,
        Instant businessTime,
        String source,
        @JsonIgnore Object payload) {

    /** Business time first; the event id breaks ties so that equal times still give one order. */
    public static final Comparator<Fact> BUSINESS_ORDER =
            Comparator.comparing(Fact::businessTime).thenComparing(Fact::eventId);

    private static final ObjectMapper PAYLOAD_JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Fact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessTime, "businessTime");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The fact for an events-api record; its type comes from {@link EventCatalog}, its business time from
     * {@code occurredAt}.
     *
     * @throws IllegalArgumentException if the payload is not a published event record
     */
    public static Fact of(String eventId, String source, Object payload) {
        String type = EventCatalog.typeOf(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a published event: " + payload.getClass()));
        return new Fact(eventId, type, PublishedEvents.occurredAt(payload), source, payload);
    }

    /** How Jackson reads a stored fact: the {@code type} names the record class of the payload. */
    @JsonCreator
    static Fact fromJson(
            @JsonProperty("eventId") String eventId,
            @JsonProperty("type") String type,
            @JsonProperty("businessTime") Instant businessTime,
            @JsonProperty("source") String source,
            @JsonProperty("payloadJson") String payloadJson) {
        Class<?> recordClass = EventCatalog.recordFor(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type in stored fact: " + type));
        try {
            return new Fact(eventId, type, businessTime, source, PAYLOAD_JSON.readValue(payloadJson, recordClass));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored fact " + eventId + " has an unreadable payload", e);
        }
    }

    /** How Jackson writes the payload of a stored fact. */
    @JsonProperty("payloadJson")
    String payloadJson() {
        try {
            return PAYLOAD_JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload of fact " + eventId + " cannot be written as JSON", e);
        }
    }

    /** The payload as the given record type, if it is one. */
    public <T> Optional<T> payloadAs(Class<T> recordClass) {
        return recordClass.isInstance(payload) ? Optional.of(recordClass.cast(payload)) : Optional.empty();
    }

    /** This fact as an item of an alert's evidence. */
    public Evidence toEvidence() {
        return new Evidence(eventId, type, businessTime, source);
    }
}
