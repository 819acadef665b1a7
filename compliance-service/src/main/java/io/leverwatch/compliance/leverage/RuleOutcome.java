package io.leverwatch.compliance.leverage;

import java.time.Instant;
import java.util.List;

/**
 * What a rule found on one lockout episode.
 *
 * @param raisedAt the business time at which the rule's conditions first held
 * @param overdue the overdue periods that overlap the episode (empty for the termination rule)
 * @param grounds the other facts the rule relied on: refusals citing payment, critical periods, the termination
 */
public record RuleOutcome(
        AlertRule rule, Severity severity, Instant raisedAt, List<OverduePeriod> overdue, List<Fact> grounds) {

    public RuleOutcome {
        overdue = List.copyOf(overdue);
        grounds = List.copyOf(grounds);
    }
}
