package io.leverwatch.compliance.leverage;

import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.util.List;

/** Declared critical periods (a launch, a promotion) in which losing access harms the client most. */
final class CriticalPeriods {

    /** The declarations whose period overlaps the given stretch of business time. */
    static List<Fact> overlapping(List<Fact> declarations, Interval interval) {
        return declarations.stream()
                .filter(fact -> periodOf(fact).overlaps(interval))
                .toList();
    }

    private static Interval periodOf(Fact declaration) {
        CriticalPeriodDeclared declared = (CriticalPeriodDeclared) declaration.payload();
        return new Interval(declared.from(), declared.to());
    }

    private CriticalPeriods() {}
}
