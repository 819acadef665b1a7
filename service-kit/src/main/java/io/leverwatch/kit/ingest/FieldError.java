package io.leverwatch.kit.ingest;

/**
 * One thing wrong with an inbound event. {@code field} is a JSON pointer into what was sent, e.g.
 * {@code /data/amount} or, in a batch, {@code /2/data/amount}; {@code eventId} is the event's id when known.
 */
public record FieldError(String field, String message, String eventId) {

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + field, message, eventId);
    }
}
