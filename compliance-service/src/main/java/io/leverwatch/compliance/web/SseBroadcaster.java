package io.leverwatch.compliance.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of one kind, shared by the API's stream and the dashboard's: who is
 * listening, a {@code connected} comment on subscription, a heartbeat comment so proxies keep an idle stream open
 * and clients notice a dead one, and forgetting a client that went away.
 *
 * <p>Everything is sent from one thread of its own, in order, so that neither the sender of a change nor a slow
 * client waits for the other.
 */
public final class SseBroadcaster implements AutoCloseable {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender;
    private final Duration timeout;

    public SseBroadcaster(String threadName, Duration timeout, Duration heartbeat) {
        this.timeout = timeout;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleAtFixedRate(
                () -> broadcast(() -> SseEmitter.event().comment("heartbeat")),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
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

    /** Runs on the sending thread, after what was handed to it before. */
    public void execute(Runnable task) {
        sender.execute(task);
    }

    /** Runs on the sending thread every {@code period}, after a first {@code period}. */
    public void every(Duration period, Runnable task) {
        sender.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean hasListeners() {
        return !emitters.isEmpty();
    }

    /** Sends an event to every stream; a built event cannot be sent twice, so each stream gets its own. */
    public void broadcast(Supplier<SseEmitter.SseEventBuilder> event) {
        emitters.forEach(emitter -> send(emitter, event.get()));
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
    public void close() {
        sender.shutdownNow();
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }
}
