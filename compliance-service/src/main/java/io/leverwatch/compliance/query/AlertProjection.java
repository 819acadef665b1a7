package io.leverwatch.compliance.query;

import io.leverwatch.compliance.alert.AlertAcknowledged;
import io.leverwatch.compliance.alert.AlertAssigned;
import io.leverwatch.compliance.alert.AlertCommented;
import io.leverwatch.compliance.alert.AlertDismissed;
import io.leverwatch.compliance.alert.AlertEscalated;
import io.leverwatch.compliance.alert.AlertFactsUpdated;
import io.leverwatch.compliance.alert.AlertRaised;
import io.leverwatch.compliance.alert.AlertReclassified;
import io.leverwatch.compliance.alert.AlertReopened;
import io.leverwatch.compliance.alert.AlertResolved;
import io.leverwatch.compliance.alert.AlertRetracted;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.AlertFacts;
import io.leverwatch.compliance.leverage.DecisionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code alert_view} (each alert as officers see it) and {@code alert_history} (every event of every alert)
 * from the Alert aggregate's events. It mirrors the aggregate's status rules, so the view never disagrees with what
 * the aggregate accepts.
 *
 * <p>A tracking processor, so that it can be rebuilt from the store. Each update is by primary key and guarded by
 * the event's sequence number, so a redelivered or replayed event changes nothing. Once a batch is committed, each
 * changed alert is announced ({@link AlertChanged}) to the live stream.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
public class AlertProjection {

    public static final String PROCESSING_GROUP = "alert-view";

    private static final String FACT_COLUMNS = "agency_id, client_id, raised_at, accounts, overdue_invoices,"
            + " outstanding_total, outstanding_by_currency, fixed_indemnity, recommendation, evidence";
    private static final String SET_FACTS = "agency_id = ?, client_id = ?, raised_at = ?, accounts = ?::jsonb,"
            + " overdue_invoices = ?::jsonb, outstanding_total = ?::jsonb, outstanding_by_currency = ?::jsonb,"
            + " fixed_indemnity = ?::jsonb, recommendation = ?::jsonb, evidence = ?::jsonb";
    private static final String CHANGED_RESOURCE = PROCESSING_GROUP + ".changed-alerts";

    private final JdbcTemplate jdbc;
    private final AlertJson json;
    private final ApplicationEventPublisher publisher;

    AlertProjection(JdbcTemplate jdbc, AlertJson json, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
    }

    /**
     * The same projection writing through another template: the alert view's rebuild, which batches its writes into a
     * shadow. Its announcements go to the same publisher, after commit (the rebuild rolls its unit of work back).
     */
    public AlertProjection writingThrough(JdbcTemplate writes) {
        return new AlertProjection(writes, json, publisher);
    }

    @EventHandler
    void on(AlertRaised event, DomainEventMessage<?> message) {
        AlertDecision decision = event.decision();
        // A raise after a retraction starts the alert afresh: officers' marks of the retracted one are history.
        int rows = jdbc.update(
                "insert into alert_view (alert_id, contract_id, rule, severity, severity_rank, status, resolved_at,"
                        + " episode_first_event_id, " + FACT_COLUMNS + ", first_recorded_at, last_changed_at,"
                        + " last_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb,"
                        + " ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)"
                        + " on conflict (alert_id) do update set rule = excluded.rule, severity = excluded.severity,"
                        + " severity_rank = excluded.severity_rank, status = excluded.status,"
                        + " resolved_at = excluded.resolved_at, episode_first_event_id = excluded.episode_first_event_id,"
                        + " agency_id = excluded.agency_id, client_id = excluded.client_id,"
                        + " raised_at = excluded.raised_at, accounts = excluded.accounts,"
                        + " overdue_invoices = excluded.overdue_invoices,"
                        + " outstanding_total = excluded.outstanding_total,"
                        + " outstanding_by_currency = excluded.outstanding_by_currency,"
                        + " fixed_indemnity = excluded.fixed_indemnity, recommendation = excluded.recommendation,"
                        + " evidence = excluded.evidence, acknowledged = false, acknowledged_by = null,"
                        + " acknowledged_at = null, dismissed_by = null, dismissed_at = null,"
                        + " dismissal_justification = null, retraction_reason = null, superseded_by = null,"
                        + " last_changed_at = excluded.last_changed_at, last_sequence = excluded.last_sequence"
                        + " where alert_view.last_sequence < excluded.last_sequence",
                concat(
                        new Object[] {
                            event.alertId(),
                            decision.contractId(),
                            decision.rule().name(),
                            decision.severity().name(),
                            decision.severity().ordinal(),
                            decision.status() == DecisionStatus.RESOLVED ? "RESOLVED" : "OPEN",
                            timestamp(decision.resolvedAt()),
                            decision.episodeFirstEventId()
                        },
                        facts(decision.facts()),
                        new Object[] {
                            timestamp(message.getTimestamp()),
                            timestamp(message.getTimestamp()),
                            message.getSequenceNumber()
                        }));
        recorded(event.alertId(), message, rows);
    }

    @EventHandler
    void on(AlertFactsUpdated event, DomainEventMessage<?> message) {
        update(event.alertId(), message, SET_FACTS, facts(event.facts()));
    }

    @EventHandler
    void on(AlertReclassified event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "rule = ?, severity = ?, severity_rank = ?, recommendation = ?::jsonb",
                event.rule().name(),
                event.severity().name(),
                event.severity().ordinal(),
                json.write(event.recommendation()));
    }

    @EventHandler
    void on(AlertEscalated event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "severity = ?, severity_rank = ?",
                event.severity().name(),
                event.severity().ordinal());
    }

    @EventHandler
    void on(AlertResolved event, DomainEventMessage<?> message) {
        // An officer's dismissal stays the last word, as in the aggregate.
        update(
                event.alertId(),
                message,
                "resolved_at = ?, status = case when status = 'DISMISSED' then status else 'RESOLVED' end",
                timestamp(event.resolvedAt()));
    }

    @EventHandler
    void on(AlertReopened event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "resolved_at = null, status = case when status <> 'RESOLVED' then status"
                        + " when acknowledged then 'ACKNOWLEDGED' else 'OPEN' end");
    }

    @EventHandler
    void on(AlertRetracted event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "status = 'RETRACTED', retraction_reason = ?, superseded_by = ?",
                event.reason(),
                event.supersededBy());
    }

    @EventHandler
    void on(AlertAcknowledged event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "status = 'ACKNOWLEDGED', acknowledged = true, acknowledged_by = ?, acknowledged_at = ?",
                event.officer(),
                timestamp(event.at()));
    }

    @EventHandler
    void on(AlertAssigned event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "assignee = ?, assigned_by = ?, assigned_at = ?",
                event.assignee(),
                event.by(),
                timestamp(event.at()));
    }

    @EventHandler
    void on(AlertCommented event, DomainEventMessage<?> message) {
        update(event.alertId(), message, null);
    }

    @EventHandler
    void on(AlertDismissed event, DomainEventMessage<?> message) {
        update(
                event.alertId(),
                message,
                "status = 'DISMISSED', dismissed_by = ?, dismissed_at = ?, dismissal_justification = ?",
                event.officer(),
                timestamp(event.at()),
                event.justification());
    }

    /** Before a replay: the read model is rebuilt from the first alert event. */
    @ResetHandler
    void reset() {
        jdbc.update("delete from alert_history");
        jdbc.update("delete from alert_view");
    }

    private void update(String alertId, DomainEventMessage<?> message, String assignments, Object... values) {
        String sql = "update alert_view set " + (assignments == null ? "" : assignments + ", ")
                + "last_changed_at = ?, last_sequence = ? where alert_id = ? and last_sequence < ?";
        Object[] guard = {
            timestamp(message.getTimestamp()), message.getSequenceNumber(), alertId, message.getSequenceNumber()
        };
        recorded(alertId, message, jdbc.update(sql, concat(values, guard)));
    }

    private void recorded(String alertId, DomainEventMessage<?> message, int changedRows) {
        HistoryLines.Line line = HistoryLines.of(message.getPayload(), message.getTimestamp());
        jdbc.update(
                "insert into alert_history (alert_id, sequence, event_id, what, actor, actor_kind, happened_at,"
                        + " summary, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                        + " on conflict (alert_id, sequence) do nothing",
                alertId,
                message.getSequenceNumber(),
                message.getIdentifier(),
                line.what(),
                line.actor(),
                line.actorKind(),
                timestamp(line.at()),
                line.summary(),
                json.write(line.details()));
        if (changedRows > 0) {
            announceAfterCommit(alertId);
        }
    }

    // One announcement per alert and batch, and only once the batch is committed, so a reader sees the change.
    private void announceAfterCommit(String alertId) {
        if (!CurrentUnitOfWork.isStarted()) {
            publisher.publishEvent(new AlertChanged(alertId));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> changed = root.getOrComputeResource(CHANGED_RESOURCE, key -> {
            Set<String> ids = new LinkedHashSet<>();
            root.afterCommit(u -> ids.forEach(id -> publisher.publishEvent(new AlertChanged(id))));
            return ids;
        });
        changed.add(alertId);
    }

    private Object[] facts(AlertFacts facts) {
        return new Object[] {
            facts.agencyId(),
            facts.clientId(),
            timestamp(facts.raisedAt()),
            json.accounts(facts.accounts()),
            json.overdueInvoices(facts.overdueInvoices()),
            json.money(facts.outstandingTotal()),
            json.write(facts.outstandingByCurrency()),
            json.money(facts.fixedIndemnity()),
            json.write(facts.recommendation()),
            json.evidence(facts.evidence())
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Object[] concat(Object[]... parts) {
        int length = 0;
        for (Object[] part : parts) {
            length += part.length;
        }
        Object[] all = new Object[length];
        int at = 0;
        for (Object[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
