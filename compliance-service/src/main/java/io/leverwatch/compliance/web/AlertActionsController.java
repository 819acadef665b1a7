package io.leverwatch.compliance.web;

import io.leverwatch.compliance.alert.AcknowledgeAlert;
import io.leverwatch.compliance.alert.AssignAlert;
import io.leverwatch.compliance.alert.CommentOnAlert;
import io.leverwatch.compliance.alert.DismissAlert;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The officer actions on an alert, as the signed-in officer: acknowledge, assign, comment, dismiss. Each answers
 * with the alert as it is once the action shows in the read model (its history included), so the officer reads
 * their own write.
 *
 * <p>Refusals are problems: 404 for an alert that is not in the read model, 409 when it is closed, 422 when the
 * action lacks what it needs (a dismissal without justification), 403 for anyone but an OFFICER.
 */
@RestController
class AlertActionsController {

    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AlertQueries queries;

    AlertActionsController(CommandGateway commands, EventStore eventStore, AlertQueries queries) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.queries = queries;
    }

    @PostMapping("/api/alerts/{alertId}/acknowledge")
    AlertView acknowledge(@PathVariable String alertId, Authentication officer) {
        return act(alertId, new AcknowledgeAlert(alertId, officer.getName()));
    }

    @PostMapping("/api/alerts/{alertId}/assign")
    AlertView assign(
            @PathVariable String alertId,
            @RequestBody(required = false) OfficerRequests.Assign body,
            Authentication officer) {
        return act(alertId, new AssignAlert(alertId, body == null ? null : body.assignee(), officer.getName()));
    }

    @PostMapping("/api/alerts/{alertId}/comment")
    AlertView comment(
            @PathVariable String alertId,
            @RequestBody(required = false) OfficerRequests.Comment body,
            Authentication officer) {
        return act(alertId, new CommentOnAlert(alertId, officer.getName(), body == null ? null : body.text()));
    }

    @PostMapping("/api/alerts/{alertId}/dismiss")
    AlertView dismiss(
            @PathVariable String alertId,
            @RequestBody(required = false) OfficerRequests.Dismiss body,
            Authentication officer) {
        return act(alertId, new DismissAlert(alertId, officer.getName(), body == null ? null : body.justification()));
    }

    private AlertView act(String alertId, Object command) {
        // Only alerts are addressed: other streams of the store (the inbox's events) are not Alert aggregates.
        if (queries.find(alertId).isEmpty()) {
            throw notFound(alertId);
        }
        commands.sendAndWait(command);
        long stored = eventStore.lastSequenceNumberFor(alertId).orElse(-1L);
        return awaitVersion(alertId, stored);
    }

    // The read model follows the store a few milliseconds behind: wait for it rather than answer stale.
    private AlertView awaitVersion(String alertId, long version) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        AlertView view = queries.find(alertId).orElseThrow(() -> notFound(alertId));
        while (view.version() < version && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = queries.find(alertId).orElseThrow(() -> notFound(alertId));
        }
        return view.withHistory(queries.history(alertId));
    }

    static ResponseStatusException notFound(String alertId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + alertId);
    }
}
