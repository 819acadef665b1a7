package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.alert.AcknowledgeAlert;
import io.leverwatch.compliance.alert.AlertClosedException;
import io.leverwatch.compliance.alert.AssignAlert;
import io.leverwatch.compliance.alert.CommentOnAlert;
import io.leverwatch.compliance.alert.DismissAlert;
import io.leverwatch.compliance.alert.InvalidAlertCommandException;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's work on an alert, as the forms of its page send it: acknowledge, assign (to oneself or to a
 * colleague), comment, dismiss with a justification. Each is a command on the Alert aggregate in the signed-in
 * officer's name; the page is shown again once the read model has it, so the officer sees the action in the
 * history. Only an OFFICER gets here (the security chain refuses the others with 403); a refusal of the aggregate
 * (a closed alert, a missing justification) is shown on the page.
 */
@Controller
class AlertWorkController {

    static final String DONE = "done";
    static final String REFUSED = "refused";
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    // Back to the alert's page; {alertId} is filled in from the request's path.
    private static final String BACK = "redirect:/alerts/{alertId}";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AlertQueries queries;
    private final UserDetailsService users;

    AlertWorkController(
            CommandGateway commands, EventStore eventStore, AlertQueries queries, UserDetailsService users) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.queries = queries;
        this.users = users;
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    String acknowledge(
            @PathVariable String alertId,
            Authentication officer,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        return act(alertId, new AcknowledgeAlert(alertId, officer.getName()), "acknowledged", flash, model, response);
    }

    /** {@code to=me} assigns the alert to the signed-in officer, otherwise to the officer named {@code assignee}. */
    @PostMapping("/alerts/{alertId}/assign")
    String assign(
            @PathVariable String alertId,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String assignee,
            Authentication officer,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        String who = "me".equals(to) ? officer.getName() : assignee == null ? null : assignee.trim();
        if (who == null || who.isEmpty()) {
            return refuse("assignee", flash);
        }
        if (!isOfficer(who)) {
            flash.addFlashAttribute("refusedArg", who);
            return refuse("assignee-unknown", flash);
        }
        return act(alertId, new AssignAlert(alertId, who, officer.getName()), "assigned", flash, model, response);
    }

    @PostMapping("/alerts/{alertId}/comment")
    String comment(
            @PathVariable String alertId,
            @RequestParam(required = false) String text,
            Authentication officer,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        return act(alertId, new CommentOnAlert(alertId, officer.getName(), text), "commented", flash, model, response);
    }

    @PostMapping("/alerts/{alertId}/dismiss")
    String dismiss(
            @PathVariable String alertId,
            @RequestParam(required = false) String justification,
            Authentication officer,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        return act(
                alertId,
                new DismissAlert(alertId, officer.getName(), justification),
                "dismissed",
                flash,
                model,
                response);
    }

    private String act(
            String alertId,
            Object command,
            String done,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        // Only alerts are addressed: the inbox's events are streams of the same store, but not Alert aggregates.
        if (queries.find(alertId).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("alertId", alertId);
            return "dashboard/not-found";
        }
        try {
            commands.sendAndWait(command);
        } catch (AlertClosedException e) {
            flash.addFlashAttribute("refusedArg", e.status().name());
            return refuse("closed", flash);
        } catch (InvalidAlertCommandException e) {
            return refuse(e.field(), flash);
        } catch (ConcurrencyException e) {
            return refuse("changed", flash);
        }
        awaitReadModel(alertId, eventStore.lastSequenceNumberFor(alertId).orElse(-1L));
        flash.addFlashAttribute(DONE, done);
        return BACK;
    }

    private boolean isOfficer(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user.isEnabled()
                    && user.getAuthorities().stream()
                            .anyMatch(a -> ("ROLE_" + Role.OFFICER.name()).equals(a.getAuthority()));
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    // The read model follows the store a few milliseconds behind: wait for it, so the page shows the action.
    private void awaitReadModel(String alertId, long version) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline
                && queries.find(alertId).map(a -> a.version() < version).orElse(false)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String refuse(String reason, RedirectAttributes flash) {
        flash.addFlashAttribute(REFUSED, reason);
        return BACK;
    }
}
