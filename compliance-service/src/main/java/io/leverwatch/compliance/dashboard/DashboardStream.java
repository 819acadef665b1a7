package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.query.AlertChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final AlertStatistics statistics;
    private String lastFingerprint;

    DashboardStream(AlertStatistics statistics) {
        this.statistics = statistics;
        sender.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
        sender.scheduleAtFixedRate(
                () -> broadcast(() -> SseEmitter.event().comment("heartbeat")),
                HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> {
            emitters.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> emitters.remove(emitter));
        // Sent at once, so that the page knows the stream is open before any change.
        sender.execute(() -> send(emitter, SseEmitter.event().comment("connected")));
        return emitter;
    }

    @EventListener
    void on(AlertChanged changed) {
        sender.execute(() -> changed(changed.alertId()));
    }

    private void watch() {
        if (emitters.isEmpty()) {
            lastFingerprint = null;
            return;
        }
        try {
            String fingerprint = statistics.fingerprint();
            if (lastFingerprint != null && !Objects.equals(fingerprint, lastFingerprint)) {
                broadcast(() -> SseEmitter.event().name(EVENT).data("*"));
            }
            lastFingerprint = fingerprint;
        } catch (RuntimeException e) {
            log.warn("could not look at the alerts for the live dashboards: {}", e.getMessage());
        }
    }

    private void changed(String alertId) {
        if (emitters.isEmpty()) {
            return;
        }
        broadcast(() -> SseEmitter.event().name(EVENT).data(alertId));
        try {
            // Already told: the next look should not announce the same change again.
            lastFingerprint = statistics.fingerprint();
        } catch (RuntimeException e) {
            lastFingerprint = null;
        }
    }

    // A built event cannot be sent twice: each stream gets its own.
    private void broadcast(Supplier<SseEmitter.SseEventBuilder> event) {
        emitters.forEach(emitter -> send(emitter, event.get()));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The page went away or the stream ended: forget it.
            emitters.remove(emitter);
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }
}
