package io.leverwatch.billing.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events that turned out to be about another agency's contract: accepted while the contract was unknown,
 * they are never published. Each is kept in {@code quarantined_event} for an operator, logged as a warning
 * and counted in {@code leverwatch.quarantined}.
 */
@Component
class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    Quarantine(JdbcTemplate jdbc, ObjectMapper mapper, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.registry = registry;
    }

    void quarantine(
            String eventId,
            String eventType,
            Object payload,
            Map<String, ?> metaData,
            String contractId,
            String senderAgencyId,
            String ownerAgencyId) {
        int stored = jdbc.update(
                "insert into quarantined_event (event_id, event_type, contract_id, sender_agency_id,"
                        + " owner_agency_id, payload, metadata) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (event_id) do nothing",
                eventId,
                eventType,
                contractId,
                senderAgencyId,
                ownerAgencyId,
                json(payload),
                json(new HashMap<>(metaData)));
        if (stored == 1) {
            log.warn(
                    "quarantined {} {}: contract {} belongs to agency {}, but agency {} sent it; it is not published",
                    eventType,
                    eventId,
                    contractId,
                    ownerAgencyId,
                    senderAgencyId);
            Counter.builder("leverwatch.quarantined")
                    .description("Events about another agency's contract, kept back from publication")
                    .tag("type", eventType)
                    .register(registry)
                    .increment();
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
