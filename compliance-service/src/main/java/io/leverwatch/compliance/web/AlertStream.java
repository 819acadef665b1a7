package io.leverwatch.compliance.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.query.AlertChanged;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams ({@code GET /api/alerts/stream}) and what they are sent: an {@code alert} event with the
 * whole alert each time one changes (once the change is committed), and a comment every 15 seconds so that
 * proxies keep an idle stream open and clients notice a dead one.
 *
 * <p>Everything is sent from one thread of its own, in the order of the changes, so that neither the projection nor
 * a slow client waits for the other.
 */
@Component
class AlertStream implements DisposableBean {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    // Browsers reconnect on their own (EventSource); a bounded stream frees what a vanished client held.
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final SseBroadcaster streams = new SseBroadcaster("alert-stream", TIMEOUT, HEARTBEAT);
    private final AlertQueries queries;
    private final ObjectMapper mapper;

    AlertStream(AlertQueries queries, ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    SseEmitter subscribe() {
        return streams.subscribe();
    }

    @EventListener
    void on(AlertChanged changed) {
        streams.execute(() -> broadcast(changed.alertId()));
    }

    private void broadcast(String alertId) {
        if (!streams.hasListeners()) {
            return;
        }
        try {
            AlertView alert = queries.find(alertId).orElse(null);
            if (alert == null) {
                return;
            }
            String data = mapper.writeValueAsString(alert);
            streams.broadcast(() -> SseEmitter.event()
                    .name("alert")
                    .id(alert.id() + "@" + alert.version())
                    .data(data));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("could not stream the change of {}: {}", alertId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        streams.close();
    }
}
