package io.leverwatch.compliance.leverage;

import io.leverwatch.events.contract.ContractTerminated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule ACCESS_WITHHELD_AFTER_TERMINATION (DESIGN §3).
 *
 * <p>A lockout of the client from an account held in its name overlaps the time after the contract's termination
 * took effect, and no invoice is overdue during the lockout. Accounts opened in the client's name are the client's:
 * they must be handed over when the contract ends (the 2016 référé in LEGAL.md).
 *
 * <p>Severity MEDIUM; HIGH when a declared critical period overlaps the lockout. If an invoice is overdue during the
 * lockout the leverage rule applies instead, and the same alert is reclassified.
 */
public final class AccessWithheldAfterTerminationRule {

    /**
     * @param termination the {@code contract.terminated} fact with the earliest effective time, if any
     */
    public static Optional<RuleOutcome> evaluate(
            LockoutEpisode episode,
            List<OverduePeriod> overduePeriods,
            Optional<Fact> termination,
            List<Fact> criticalPeriods) {
        boolean invoiceOverdueDuringLockout =
                overduePeriods.stream().anyMatch(period -> period.interval().overlaps(episode.interval()));
        if (invoiceOverdueDuringLockout || termination.isEmpty()) {
            return Optional.empty();
        }
        ContractTerminated terminated = (ContractTerminated) termination.get().payload();
        Interval afterTermination = Interval.from(terminated.effectiveAt());
        if (!episode.interval().overlaps(afterTermination)) {
            return Optional.empty();
        }
        List<Fact> critical = CriticalPeriods.overlapping(criticalPeriods, episode.interval());
        List<Fact> grounds = new ArrayList<>(List.of(termination.get()));
        grounds.addAll(critical);
        return Optional.of(new RuleOutcome(
                AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION,
                critical.isEmpty() ? Severity.MEDIUM : Severity.HIGH,
                episode.interval().overlapStart(afterTermination),
                List.of(),
                grounds));
    }

    private AccessWithheldAfterTerminationRule() {}
}
