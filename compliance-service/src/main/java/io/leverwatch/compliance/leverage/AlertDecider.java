package io.leverwatch.compliance.leverage;

import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides the alerts of one contract from its facts: one per lockout episode that a rule applies to. The leverage
 * rule is tried first; the termination rule only applies when no invoice was overdue during the lockout.
 *
 * <p>Deterministic: it reads only the set of facts, in business order, so the same facts give equal decisions
 * whatever order they arrived in and however often they were replayed.
 */
public final class AlertDecider {

    /** The alerts the facts call for, by episode start. Empty when no rule applies. */
    public static List<AlertDecision> decide(ContractCase contractCase) {
        Optional<String> contractId = contractCase.contractId();
        if (contractId.isEmpty()) {
            return List.of();
        }
        List<OverduePeriod> overdue = OverduePeriods.of(contractCase);
        List<Fact> criticalPeriods = contractCase.factsOf(CriticalPeriodDeclared.class);
        Optional<Fact> termination = earliestTermination(contractCase);
        AlertAssembly assembly = new AlertAssembly(contractId.get(), contractCase);
        List<AlertDecision> decisions = new ArrayList<>();
        for (LockoutEpisode episode : LockoutEpisode.group(LockoutTimeline.of(contractCase))) {
            AccessLeverageOverUnpaidInvoicesRule.evaluate(episode, overdue, criticalPeriods)
                    .or(() ->
                            AccessWithheldAfterTerminationRule.evaluate(episode, overdue, termination, criticalPeriods))
                    .map(outcome -> assembly.decision(episode, outcome))
                    .ifPresent(decisions::add);
        }
        return decisions;
    }

    // A contract ends once; should it be reported twice, the earliest effective time counts.
    private static Optional<Fact> earliestTermination(ContractCase contractCase) {
        return contractCase.factsOf(ContractTerminated.class).stream()
                .min(Comparator.comparing((Fact fact) -> ((ContractTerminated) fact.payload()).effectiveAt())
                        .thenComparing(Fact.BUSINESS_ORDER));
    }

    private AlertDecider() {}
}
