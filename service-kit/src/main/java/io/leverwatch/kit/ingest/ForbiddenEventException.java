package io.leverwatch.kit.ingest;

/** The key's agency does not own the contract an event is about. */
public class ForbiddenEventException extends RuntimeException {

    private final String eventId;

    public ForbiddenEventException(String eventId, String message) {
        super(message);
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
