package io.leverwatch.compliance.leverage;

import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.RefusalReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rule ACCESS_LEVERAGE_OVER_UNPAID_INVOICES (DESIGN §3).
 *
 * <p>A lockout of the client from an account held in its name overlaps, in business time, a period in which an
 * invoice of the same contract is overdue. Access is not a sum of money and cannot be set off against an invoice;
 * withholding it to press for payment is the <em>trouble manifestement illicite</em> the courts stop (LEGAL.md).
 *
 * <p>Severity HIGH; CRITICAL when a refused request for access gives PAYMENT_PENDING as its reason (the leverage is
 * stated), or when a declared critical period overlaps the lockout (the harm is greatest).
 */
public final class AccessLeverageOverUnpaidInvoicesRule {

    public static Optional<RuleOutcome> evaluate(
            LockoutEpisode episode, List<OverduePeriod> overduePeriods, List<Fact> criticalPeriods) {
        List<OverduePeriod> overlapping = overduePeriods.stream()
                .filter(period -> period.interval().overlaps(episode.interval()))
                .toList();
        if (overlapping.isEmpty()) {
            return Optional.empty();
        }
        Instant raisedAt = overlapping.stream()
                .map(period -> period.interval().overlapStart(episode.interval()))
                .min(Comparator.naturalOrder())
                .orElseThrow();
        List<Fact> grounds = new ArrayList<>(refusalsCitingPayment(episode));
        grounds.addAll(CriticalPeriods.overlapping(criticalPeriods, episode.interval()));
        Severity severity = grounds.isEmpty() ? Severity.HIGH : Severity.CRITICAL;
        return Optional.of(new RuleOutcome(
                AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES, severity, raisedAt, overlapping, grounds));
    }

    private static List<Fact> refusalsCitingPayment(LockoutEpisode episode) {
        return episode.lockouts().stream()
                .flatMap(lockout -> lockout.lockingEvents().stream())
                .filter(fact -> fact.payloadAs(AccessRequestRefused.class)
                        .filter(refusal -> refusal.reason() == RefusalReason.PAYMENT_PENDING)
                        .isPresent())
                .toList();
    }

    private AccessLeverageOverUnpaidInvoicesRule() {}
}
