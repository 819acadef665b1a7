package io.leverwatch.access.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Access events stored before their account was attached to a contract (so without a contract id), kept in
 * {@code held_publication} in the order they were held (the event store's order) until the attachment. The
 * payload is kept as JSON under its CloudEvents type, so only published-language records come back.
 */
@Component
class HeldPublications {

    private static final TypeReference<Map<String, Object>> META_DATA = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    HeldPublications(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Keeps the event; holding it again (a replay of the publisher) changes nothing. */
    void hold(String accountId, String eventId, String eventType, Object payload, Map<String, ?> metaData) {
        jdbc.update(
                "insert into held_publication (account_id, event_id, event_type, payload, metadata)"
                        + " values (?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                accountId,
                eventId,
                eventType,
                json(payload),
                json(new HashMap<>(metaData)));
    }

    /** Removes and returns the account's held events, oldest first. Call it under the account's lock. */
    List<HeldEvent> take(String accountId) {
        List<HeldEvent> held = jdbc.query(
                "select event_id, event_type, payload, metadata from held_publication where account_id = ?"
                        + " order by id",
                (rs, row) -> new HeldEvent(
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        payload(rs.getString("event_type"), rs.getString("payload")),
                        metaData(rs.getString("metadata"))),
                accountId);
        jdbc.update("delete from held_publication where account_id = ?", accountId);
        return held;
    }

    private Object payload(String eventType, String json) {
        Class<?> type = EventCatalog.recordFor(eventType)
                .orElseThrow(() -> new IllegalStateException("held event of unknown type " + eventType));
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read held " + eventType, e);
        }
    }

    private Map<String, Object> metaData(String json) {
        try {
            return mapper.readValue(json, META_DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read held metadata", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
