package io.leverwatch.kit.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The de-duplication record of every accepted CloudEvent, kept in the service's schema in the same
 * transaction as the command it became. The key includes the agency, so one agency cannot make another's
 * events look like duplicates by reusing their {@code source} and {@code id}.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; false when it was already recorded (a redelivery). */
    public boolean record(InboundEvent event, String transport) {
        int inserted = jdbc.update(
                "insert into processed_cloud_event (agency_id, source, id, type, business_time, transport)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.agencyId(),
                event.source(),
                event.id(),
                event.type(),
                java.sql.Timestamp.from(event.time()),
                transport);
        return inserted == 1;
    }
}
