package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.DecisionStatus;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory stand-in for the Alert aggregates, following the same rules for the saga's commands (a raise of an
 * existing alert is a no-op unless it was retracted), so that tests can see what officers would end up seeing.
 */
final class AlertBook {

    private final Map<String, AlertDecision> alerts = new TreeMap<>();
    private final Set<String> retracted = new HashSet<>();

    static AlertBook replaying(Collection<?> commands) {
        AlertBook book = new AlertBook();
        commands.forEach(book::apply);
        return book;
    }

    static Map<String, AlertDecision> byId(Collection<AlertDecision> decisions) {
        Map<String, AlertDecision> byId = new TreeMap<>();
        decisions.forEach(decision -> byId.put(decision.alertId(), decision));
        return byId;
    }

    void apply(Object command) {
        if (command instanceof RaiseAlert raise) {
            if (!alerts.containsKey(raise.alertId()) || retracted.remove(raise.alertId())) {
                alerts.put(raise.alertId(), raise.decision());
            }
        } else if (command instanceof ReclassifyAlert c) {
            AlertDecision a = existing(c.alertId());
            put(new AlertDecision(
                    a.alertId(),
                    a.contractId(),
                    a.episodeFirstEventId(),
                    c.rule(),
                    c.severity(),
                    a.status(),
                    a.resolvedAt(),
                    a.facts().withRecommendation(c.recommendation())));
        } else if (command instanceof EscalateAlert c) {
            AlertDecision a = existing(c.alertId());
            put(new AlertDecision(
                    a.alertId(),
                    a.contractId(),
                    a.episodeFirstEventId(),
                    a.rule(),
                    c.severity(),
                    a.status(),
                    a.resolvedAt(),
                    a.facts()));
        } else if (command instanceof UpdateAlertFacts c) {
            AlertDecision a = existing(c.alertId());
            put(new AlertDecision(
                    a.alertId(),
                    a.contractId(),
                    a.episodeFirstEventId(),
                    a.rule(),
                    a.severity(),
                    a.status(),
                    a.resolvedAt(),
                    c.facts()));
        } else if (command instanceof ResolveAlert c) {
            AlertDecision a = existing(c.alertId());
            put(new AlertDecision(
                    a.alertId(),
                    a.contractId(),
                    a.episodeFirstEventId(),
                    a.rule(),
                    a.severity(),
                    DecisionStatus.RESOLVED,
                    c.resolvedAt(),
                    a.facts()));
        } else if (command instanceof ReopenAlert c) {
            AlertDecision a = existing(c.alertId());
            put(new AlertDecision(
                    a.alertId(),
                    a.contractId(),
                    a.episodeFirstEventId(),
                    a.rule(),
                    a.severity(),
                    DecisionStatus.OPEN,
                    null,
                    a.facts()));
        } else if (command instanceof RetractAlert c) {
            if (!alerts.containsKey(c.alertId())) {
                throw new IllegalStateException("retracting unknown alert " + c.alertId());
            }
            retracted.add(c.alertId());
        } else {
            throw new IllegalArgumentException("not a saga command: " + command);
        }
    }

    /** The alerts officers would see: every alert raised and not retracted, by id. */
    Map<String, AlertDecision> visible() {
        Map<String, AlertDecision> visible = new TreeMap<>(alerts);
        visible.keySet().removeAll(retracted);
        return visible;
    }

    private AlertDecision existing(String alertId) {
        if (!alerts.containsKey(alertId) || retracted.contains(alertId)) {
            throw new IllegalStateException("command for an alert that is not visible: " + alertId);
        }
        return alerts.get(alertId);
    }

    private void put(AlertDecision updated) {
        alerts.put(updated.alertId(), updated);
    }
}
