package io.leverwatch.kit.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events kept back from publication, in {@code held_publication} under their gate key, in the order they were
 * held (the event store's order). The payload is kept as the JSON it will be published with, under its
 * CloudEvents type, so only published-language records come back.
 */
class HeldPublications {

    private static final TypeReference<Map<String, Object>> META_DATA = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    HeldPublications(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Keeps the event; holding it again (a replay of the publisher) changes nothing. */
    void hold(GateKey key, OutgoingEvent event) {
        jdbc.update(
                "insert into held_publication (gate_key, event_id, event_type, payload, metadata)"
                        + " values (?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                key.toString(),
                event.eventId(),
                event.eventType(),
                GateJson.write(mapper, event.payload()),
                GateJson.write(mapper, new HashMap<>(event.metaData())));
    }

    /** Removes and returns the key's held events, oldest first. Call it under the key's lock. */
    List<OutgoingEvent> take(GateKey key) {
        List<OutgoingEvent> held = jdbc.query(
                "select event_id, event_type, payload, metadata from held_publication where gate_key = ?"
                        + " order by id",
                (rs, row) -> new OutgoingEvent(
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        payload(rs.getString("event_type"), rs.getString("payload")),
                        metaData(rs.getString("metadata"))),
                key.toString());
        jdbc.update("delete from held_publication where gate_key = ?", key.toString());
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
}
