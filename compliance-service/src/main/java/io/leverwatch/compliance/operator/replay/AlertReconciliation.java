package io.leverwatch.compliance.operator.replay;

import io.leverwatch.compliance.alert.AlertDiff;
import io.leverwatch.compliance.alert.EscalateAlert;
import io.leverwatch.compliance.alert.RaiseAlert;
import io.leverwatch.compliance.alert.ReclassifyAlert;
import io.leverwatch.compliance.alert.ReopenAlert;
import io.leverwatch.compliance.alert.ResolveAlert;
import io.leverwatch.compliance.alert.RetractAlert;
import io.leverwatch.compliance.alert.UpdateAlertFacts;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.DecisionStatus;
import io.leverwatch.events.EventTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands that bring a contract's Alert aggregates to what the facts call for when what they hold is not known
 * for sure (the saga's memory of what it sent is lost or in doubt). Every decision gets the whole set of commands
 * that describe it; the aggregate applies only those that change something (a raise of an existing alert, the same
 * rule, severity, facts or resolution are no-ops), so a consistent alert gets no event and no one is notified.
 * Alerts that exist but are no longer called for are retracted, with {@link AlertDiff}'s reasons.
 *
 * <p>Pure: the replay dispatches the result.
 */
public final class AlertReconciliation {

    static final String REOPEN_REASON =
            "A replay of the inbox shows an account of this lockout episode still locked" + " out.";

    /**
     * @param decisions what the facts call for now
     * @param previous what the contract's alerts were last brought to, as far as it is known (the saga's memory)
     * @param existing ids of the contract's alerts that exist and are not retracted (the read model), as stubs
     */
    public static List<Object> commands(
            List<AlertDecision> decisions, Collection<AlertDecision> previous, Collection<AlertDecision> existing) {
        List<Object> commands = new ArrayList<>();
        for (AlertDecision decision : decisions) {
            commands.addAll(describe(decision));
        }
        Map<String, AlertDecision> before = new LinkedHashMap<>();
        previous.forEach(d -> before.put(d.alertId(), d));
        existing.forEach(d -> before.putIfAbsent(d.alertId(), d));
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> decided.add(d.alertId()));
        before.keySet().removeIf(decided::contains);
        AlertDiff.between(before.values(), decisions).stream()
                .filter(RetractAlert.class::isInstance)
                .forEach(commands::add);
        return commands;
    }

    /** Every command that describes the decision, in the order the aggregate needs them. */
    static List<Object> describe(AlertDecision decision) {
        String id = decision.alertId();
        List<Object> commands = new ArrayList<>();
        commands.add(new RaiseAlert(id, decision));
        commands.add(new ReclassifyAlert(
                id, decision.rule(), decision.severity(), decision.facts().recommendation()));
        commands.add(new EscalateAlert(id, decision.severity()));
        commands.add(new UpdateAlertFacts(id, decision.facts()));
        if (decision.status() == DecisionStatus.RESOLVED) {
            commands.add(new ResolveAlert(
                    id,
                    decision.resolvedAt(),
                    decision.facts().evidence().stream()
                            .filter(evidence -> evidence.type().equals(EventTypes.ACCESS_RESTORED))
                            .toList()));
        } else {
            commands.add(new ReopenAlert(id, REOPEN_REASON));
        }
        return commands;
    }

    /** A stand-in for an alert known only by its id, contract and first event (from the read model). */
    public static AlertDecision known(String alertId, String contractId, String episodeFirstEventId) {
        return new AlertDecision(alertId, contractId, episodeFirstEventId, null, null, null, null, null);
    }

    private AlertReconciliation() {}
}
