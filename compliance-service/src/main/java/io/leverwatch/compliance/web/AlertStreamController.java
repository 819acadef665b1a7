package io.leverwatch.compliance.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/alerts/stream} ({@code text/event-stream}): every change of an alert as it happens. Each event is
 * named {@code alert}, has the id {@code <alertId>@<version>} and carries the alert as {@code GET /api/alerts}
 * shows it; comment lines ({@code :heartbeat}) keep the stream alive.
 */
@RestController
class AlertStreamController {

    private final AlertStream stream;

    AlertStreamController(AlertStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
