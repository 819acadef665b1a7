package io.leverwatch.compliance.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.query.AlertChanged;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alert-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final AlertQueries queries;
    private final ObjectMapper mapper;

    AlertStream(AlertQueries queries, ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
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
        // Sent at once, so that the client knows the stream is open before any change.
        sender.execute(() -> send(emitter, SseEmitter.event().comment("connected")));
        return emitter;
    }

    @EventListener
    void on(AlertChanged changed) {
        sender.execute(() -> broadcast(changed.alertId()));
    }

    private void broadcast(String alertId) {
        if (emitters.isEmpty()) {
            return;
        }
        try {
            AlertView alert = queries.find(alertId).orElse(null);
            if (alert == null) {
                return;
            }
            String data = mapper.writeValueAsString(alert);
            for (SseEmitter emitter : emitters) {
                send(
                        emitter,
                        SseEmitter.event()
                                .name("alert")
                                .id(alert.id() + "@" + alert.version())
                                .data(data));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("could not stream the change of {}: {}", alertId, e.getMessage());
        }
    }

    private void heartbeat() {
        emitters.forEach(emitter -> send(emitter, SseEmitter.event().comment("heartbeat")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away or the stream ended: forget it.
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
