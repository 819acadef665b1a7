package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.query.AlertChanged;
import io.leverwatch.compliance.web.SseBroadcaster;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dashboards' live streams ({@code GET /dashboard/stream}): an {@code alerts} event, carrying the changed
 * alert's id, each time the alerts change; the page then fetches its list again, with its own filters.
 *
 * <p>Changes come from this instance's projection ({@link AlertChanged}) at once, and from a look at the read model
 * every {@link #WATCH} while a dashboard is open, so that a page also follows the changes that another instance
 * projected. Unlike the API's stream it sends no alert data: the page renders what it shows itself.
 */
@Component
class DashboardStream implements DisposableBean {

    static final String EVENT = "alerts";
    static final Duration WATCH = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    // Browsers reconnect on their own (EventSource); a bounded stream frees what a vanished client held, and the
    // reconnection keeps the session of an open dashboard from expiring.
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

    private final SseBroadcaster streams = new SseBroadcaster("dashboard-stream", TIMEOUT, HEARTBEAT);
    private final AlertStatistics statistics;
    private String lastFingerprint;

    DashboardStream(AlertStatistics statistics) {
        this.statistics = statistics;
        streams.every(WATCH, this::watch);
    }

    SseEmitter subscribe() {
        return streams.subscribe();
    }

    @EventListener
    void on(AlertChanged changed) {
        streams.execute(() -> changed(changed.alertId()));
    }

    private void watch() {
        if (!streams.hasListeners()) {
            lastFingerprint = null;
            return;
        }
        try {
            String fingerprint = statistics.fingerprint();
            if (lastFingerprint != null && !Objects.equals(fingerprint, lastFingerprint)) {
                streams.broadcast(() -> SseEmitter.event().name(EVENT).data("*"));
            }
            lastFingerprint = fingerprint;
        } catch (RuntimeException e) {
            log.warn("could not look at the alerts for the live dashboards: {}", e.getMessage());
        }
    }

    private void changed(String alertId) {
        if (!streams.hasListeners()) {
            return;
        }
        streams.broadcast(() -> SseEmitter.event().name(EVENT).data(alertId));
        try {
            // Already told: the next look should not announce the same change again.
            lastFingerprint = statistics.fingerprint();
        } catch (RuntimeException e) {
            lastFingerprint = null;
        }
    }

    @Override
    public void destroy() {
        streams.close();
    }
}
