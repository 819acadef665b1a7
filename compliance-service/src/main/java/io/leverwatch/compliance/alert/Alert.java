package io.leverwatch.compliance.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.leverwatch.compliance.leverage.AlertFacts;
import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.DecisionStatus;
import io.leverwatch.compliance.leverage.Severity;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One alert: what the saga decided about a lockout episode, and what officers did with it.
 *
 * <p>The saga's commands describe the facts and are idempotent (a redelivery applies nothing), so replays are safe.
 * Officers can act only while the alert is OPEN or ACKNOWLEDGED; the time of their actions comes from the injected
 * {@link Clock} (a Spring bean), never from the domain.
 */
@Aggregate
public class Alert {

    @AggregateIdentifier
    private String alertId;

    private AlertStatus status;
    private AlertRule rule;
    private Severity severity;
    private AlertFacts facts;
    private Instant resolvedAt;
    private boolean acknowledged;

    protected Alert() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RaiseAlert command) {
        if (!command.alertId().equals(command.decision().alertId())) {
            throw new InvalidAlertCommandException(command.alertId(), "decision", "decision is for another alert");
        }
        if (alertId != null && status != AlertStatus.RETRACTED) {
            return; // a replay or a redelivery: the alert exists
        }
        apply(new AlertRaised(command.alertId(), command.decision()));
    }

    @CommandHandler
    public void handle(UpdateAlertFacts command) {
        if (status != AlertStatus.RETRACTED && !command.facts().equals(facts)) {
            apply(new AlertFactsUpdated(alertId, command.facts()));
        }
    }

    @CommandHandler
    public void handle(ReclassifyAlert command) {
        if (status != AlertStatus.RETRACTED && command.rule() != rule) {
            apply(new AlertReclassified(alertId, rule, command.rule(), command.severity(), command.recommendation()));
        }
    }

    @CommandHandler
    public void handle(EscalateAlert command) {
        if (status != AlertStatus.RETRACTED && command.severity() != severity) {
            apply(new AlertEscalated(alertId, severity, command.severity()));
        }
    }

    @CommandHandler
    public void handle(ResolveAlert command) {
        if (status != AlertStatus.RETRACTED && !command.resolvedAt().equals(resolvedAt)) {
            apply(new AlertResolved(alertId, command.resolvedAt(), command.restoringEvidence()));
        }
    }

    @CommandHandler
    public void handle(ReopenAlert command) {
        if (status != AlertStatus.RETRACTED && resolvedAt != null) {
            apply(new AlertReopened(alertId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(RetractAlert command) {
        if (status != AlertStatus.RETRACTED) {
            apply(new AlertRetracted(alertId, command.reason(), command.supersededBy()));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeAlert command, Clock clock) {
        requireOpenForOfficers();
        requireText(command.officer(), "officer");
        if (status != AlertStatus.ACKNOWLEDGED) { // acknowledging twice changes nothing: a no-op, not an error
            apply(new AlertAcknowledged(alertId, command.officer(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(AssignAlert command, Clock clock) {
        requireOpenForOfficers();
        requireText(command.assignee(), "assignee");
        requireText(command.by(), "by");
        apply(new AlertAssigned(alertId, command.assignee(), command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(CommentOnAlert command, Clock clock) {
        requireOpenForOfficers();
        requireText(command.author(), "author");
        requireText(command.text(), "text");
        apply(new AlertCommented(alertId, command.author(), command.text(), clock.instant()));
    }

    @CommandHandler
    public void handle(DismissAlert command, Clock clock) {
        requireOpenForOfficers();
        requireText(command.officer(), "officer");
        if (command.justification() == null || command.justification().isBlank()) {
            throw new JustificationRequiredException(alertId);
        }
        apply(new AlertDismissed(alertId, command.officer(), command.justification(), clock.instant()));
    }

    private void requireOpenForOfficers() {
        if (status.isClosed()) {
            throw new AlertClosedException(alertId, status);
        }
    }

    private void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidAlertCommandException(alertId, field, field + " must not be blank");
        }
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        alertId = event.alertId();
        rule = event.decision().rule();
        severity = event.decision().severity();
        facts = event.decision().facts();
        resolvedAt = event.decision().resolvedAt();
        acknowledged = false;
        status = event.decision().status() == DecisionStatus.RESOLVED ? AlertStatus.RESOLVED : AlertStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AlertFactsUpdated event) {
        facts = event.facts();
    }

    @EventSourcingHandler
    void on(AlertReclassified event) {
        rule = event.rule();
        severity = event.severity();
        facts = facts.withRecommendation(event.recommendation());
    }

    @EventSourcingHandler
    void on(AlertEscalated event) {
        severity = event.severity();
    }

    @EventSourcingHandler
    void on(AlertResolved event) {
        resolvedAt = event.resolvedAt();
        if (status != AlertStatus.DISMISSED) { // an officer's dismissal stays the last word
            status = AlertStatus.RESOLVED;
        }
    }

    @EventSourcingHandler
    void on(AlertReopened event) {
        resolvedAt = null;
        if (status == AlertStatus.RESOLVED) {
            status = acknowledged ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN;
        }
    }

    @EventSourcingHandler
    void on(AlertRetracted event) {
        status = AlertStatus.RETRACTED;
    }

    @EventSourcingHandler
    void on(AlertAcknowledged event) {
        acknowledged = true;
        status = AlertStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(AlertDismissed event) {
        status = AlertStatus.DISMISSED;
    }

    AlertStatus status() {
        return status;
    }

    AlertRule rule() {
        return rule;
    }

    Severity severity() {
        return severity;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }
}
