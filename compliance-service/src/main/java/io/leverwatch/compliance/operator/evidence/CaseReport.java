package io.leverwatch.compliance.operator.evidence;

import io.leverwatch.compliance.operator.history.ContractState;
import io.leverwatch.compliance.query.AlertView;
import java.time.Instant;
import java.util.List;

/**
 * What the readable reports of a bundle show: the contract as it stands, its alerts with their recommendation and
 * what officers did with them, and the whole timeline.
 *
 * @param state the contract as the platform knows it at {@code generatedAt}
 * @param alerts the contract's alerts as officers see them, each with its history
 */
public record CaseReport(
        String contractId,
        Instant generatedAt,
        String softwareVersion,
        String chainHead,
        ContractState state,
        List<AlertView> alerts,
        List<Entry> timeline) {

    public CaseReport {
        alerts = List.copyOf(alerts);
        timeline = List.copyOf(timeline);
    }

    /** One event of the timeline; {@code data} is its canonical JSON. */
    public record Entry(
            int line,
            String eventId,
            String type,
            String source,
            Instant businessTime,
            Instant receivedAt,
            String data) {}
}
