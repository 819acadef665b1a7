package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.AlertFacts;
import io.leverwatch.compliance.leverage.DecisionStatus;
import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.events.EventTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The commands that bring the alerts from what was last sent to what the facts now call for. Pure: the saga
 * dispatches the result, and a property test applies it to an in-memory model without Axon.
 */
public final class AlertDiff {

    static final String REOPEN_REASON = "Late evidence shows an account of this lockout episode still locked out.";
    static final String SUPERSEDED_REASON =
            "Late evidence joined this lockout episode to another one, which began earlier.";
    static final String NO_LONGER_QUALIFIES_REASON =
            "Late evidence shows this lockout episode does not meet the conditions of any rule.";

    /** The commands to dispatch, in order: new and changed alerts in decision order, then retractions by id. */
    public static List<Object> between(Collection<AlertDecision> previous, Collection<AlertDecision> current) {
        Map<String, AlertDecision> before = new TreeMap<>();
        previous.forEach(decision -> before.put(decision.alertId(), decision));
        Map<String, AlertDecision> after = new LinkedHashMap<>();
        current.forEach(decision -> after.put(decision.alertId(), decision));

        List<Object> commands = new ArrayList<>();
        for (AlertDecision now : after.values()) {
            AlertDecision was = before.get(now.alertId());
            if (was == null) {
                commands.add(new RaiseAlert(now.alertId(), now));
            } else {
                commands.addAll(changes(was, now));
            }
        }
        for (AlertDecision was : before.values()) {
            if (!after.containsKey(was.alertId())) {
                commands.add(retraction(was, after.values()));
            }
        }
        return commands;
    }

    private static List<Object> changes(AlertDecision was, AlertDecision now) {
        String id = now.alertId();
        List<Object> commands = new ArrayList<>();
        boolean reclassified = was.rule() != now.rule();
        if (reclassified) {
            commands.add(new ReclassifyAlert(
                    id, now.rule(), now.severity(), now.facts().recommendation()));
        } else if (was.severity() != now.severity()) {
            commands.add(new EscalateAlert(id, now.severity()));
        }
        // A reclassification already carries the new recommendation.
        AlertFacts known =
                reclassified ? was.facts().withRecommendation(now.facts().recommendation()) : was.facts();
        if (!known.equals(now.facts())) {
            commands.add(new UpdateAlertFacts(id, now.facts()));
        }
        if (now.status() == DecisionStatus.RESOLVED && !Objects.equals(was.resolvedAt(), now.resolvedAt())) {
            commands.add(new ResolveAlert(id, now.resolvedAt(), restoringEvidence(now)));
        } else if (now.status() == DecisionStatus.OPEN && was.status() == DecisionStatus.RESOLVED) {
            commands.add(new ReopenAlert(id, REOPEN_REASON));
        }
        return commands;
    }

    private static RetractAlert retraction(AlertDecision was, Collection<AlertDecision> current) {
        // The episode's first event now belongs to another alert when episodes were merged.
        String supersededBy = current.stream()
                .filter(decision -> decision.facts().evidence().stream()
                        .anyMatch(evidence -> evidence.eventId().equals(was.episodeFirstEventId())))
                .map(AlertDecision::alertId)
                .findFirst()
                .orElse(null);
        return new RetractAlert(
                was.alertId(), supersededBy == null ? NO_LONGER_QUALIFIES_REASON : SUPERSEDED_REASON, supersededBy);
    }

    private static List<Evidence> restoringEvidence(AlertDecision decision) {
        return decision.facts().evidence().stream()
                .filter(evidence -> evidence.type().equals(EventTypes.ACCESS_RESTORED))
                .toList();
    }

    private AlertDiff() {}
}
