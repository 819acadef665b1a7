package io.leverwatch.compliance.leverage;

import java.util.List;

/**
 * What the compliance officer should tell the agency to do instead of withholding access. It recommends, it does not
 * decide: the disclaimer goes wherever the recommendation is shown.
 *
 * @param immediateActionWhy why the immediate action is required, with its legal basis
 * @param procedures the lawful recovery procedures that fit the facts, in LEGAL.md's order
 */
public record Recommendation(
        ImmediateAction immediateAction,
        String immediateActionWhy,
        List<Procedure> procedures,
        String disclaimer,
        String disclaimerFr) {

    public Recommendation {
        procedures = List.copyOf(procedures);
    }
}
