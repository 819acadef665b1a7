package io.leverwatch.compliance.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /dashboard/stream} ({@code text/event-stream}, signed in): an {@code alerts} event each time the
 * alerts change, on which the open list fetches itself again.
 */
@RestController
class DashboardStreamController {

    private final DashboardStream stream;

    DashboardStreamController(DashboardStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
