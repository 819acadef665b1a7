package io.leverwatch.compliance.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published events an alert cites, read back from compliance's inbox (the event store, where each keeps its
 * original id) and turned back into their events-api records.
 */
@Component
class CaseEvents {

    private static final Logger log = LoggerFactory.getLogger(CaseEvents.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    CaseEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The records of the events found, by event id; an event not (or no longer) in the inbox is left out. */
    Map<String, Object> payloads(Collection<String> eventIds) {
        Map<String, Object> payloads = new HashMap<>();
        if (eventIds.isEmpty()) {
            return payloads;
        }
        try {
            jdbc.query(
                    "select eventidentifier, payloadtype, payloadrevision, payload from domainevententry"
                            + " where eventidentifier in ("
                            + String.join(", ", eventIds.stream().map(id -> "?").toList())
                            + ")",
                    rs -> {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                                rs.getBytes("payload"),
                                byte[].class,
                                rs.getString("payloadtype"),
                                rs.getString("payloadrevision")));
                        payloads.put(rs.getString("eventidentifier"), payload);
                    },
                    eventIds.toArray());
        } catch (RuntimeException e) {
            // The page still shows what the alert itself records.
            log.warn("could not read the evidence events from the inbox: {}", e.getMessage());
        }
        return payloads;
    }
}
