package io.leverwatch.kit.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events that turned out to be another agency's: accepted while what they are about was not registered yet,
 * they are never published. Each is kept in {@code quarantined_event} for an operator, logged as a warning
 * and counted in {@code leverwatch.quarantined}.
 */
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

    /** Quarantines the event if another agency than the registered owner sent it; true when it did. */
    boolean quarantineIfForeign(OutgoingEvent event, Registration registration) {
        if (!event.isForeignTo(registration.ownerAgencyId())) {
            return false;
        }
        int stored = jdbc.update(
                "insert into quarantined_event (event_id, event_type, gate_key, contract_id, sender_agency_id,"
                        + " owner_agency_id, payload, metadata) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (event_id) do nothing",
                event.eventId(),
                event.eventType(),
                registration.key().toString(),
                registration.contractId(),
                event.senderAgencyId(),
                registration.ownerAgencyId(),
                GateJson.write(mapper, event.payload()),
                GateJson.write(mapper, new HashMap<>(event.metaData())));
        if (stored == 1) {
            log.warn(
                    "quarantined {} {}: {} of contract {} belongs to agency {}, but agency {} sent it;"
                            + " it is not published",
                    event.eventType(),
                    event.eventId(),
                    registration.key(),
                    registration.contractId(),
                    registration.ownerAgencyId(),
                    event.senderAgencyId());
            Counter.builder("leverwatch.quarantined")
                    .description("Events about another agency's contract, kept back from publication")
                    .tag("type", event.eventType())
                    .register(registry)
                    .increment();
        }
        return true;
    }
}
