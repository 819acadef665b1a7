package io.leverwatch.compliance.query;

import io.leverwatch.compliance.alert.AlertAcknowledged;
import io.leverwatch.compliance.alert.AlertAssigned;
import io.leverwatch.compliance.alert.AlertCommented;
import io.leverwatch.compliance.alert.AlertDismissed;
import io.leverwatch.compliance.alert.AlertEscalated;
import io.leverwatch.compliance.alert.AlertFactsUpdated;
import io.leverwatch.compliance.alert.AlertRaised;
import io.leverwatch.compliance.alert.AlertReclassified;
import io.leverwatch.compliance.alert.AlertReopened;
import io.leverwatch.compliance.alert.AlertResolved;
import io.leverwatch.compliance.alert.AlertRetracted;
import io.leverwatch.compliance.leverage.AlertFacts;
import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.compliance.leverage.LockedAccount;
import io.leverwatch.compliance.leverage.OverdueInvoice;
import io.leverwatch.compliance.leverage.Procedure;
import java.time.Instant;
import java.util.Map;

/** How each alert event reads in the alert's history: what happened, who did it, when, and its details. */
final class HistoryLines {

    static final String SYSTEM = "system";

    /** A history line before it is stored; {@code details} becomes JSON. */
    record Line(String what, String actor, String actorKind, Instant at, String summary, Map<String, Object> details) {

        static Line bySystem(String what, Instant at, String summary, Map<String, Object> details) {
            return new Line(what, SYSTEM, "SYSTEM", at, summary, details);
        }

        static Line byOfficer(String what, String officer, Instant at, String summary, Map<String, Object> details) {
            return new Line(what, officer, "OFFICER", at, summary, details);
        }
    }

    /** @param recordedAt when the event was stored: the time of a system change */
    static Line of(Object event, Instant recordedAt) {
        if (event instanceof AlertRaised e) {
            var d = e.decision();
            return Line.bySystem(
                    "RAISED",
                    recordedAt,
                    d.severity() + " alert raised under " + d.rule() + " (" + d.status() + ")",
                    AlertJson.map(
                            "rule", d.rule(),
                            "severity", d.severity(),
                            "status", d.status(),
                            "raisedAt", d.facts().raisedAt(),
                            "facts", outline(d.facts())));
        }
        if (event instanceof AlertFactsUpdated e) {
            return Line.bySystem("FACTS_UPDATED", recordedAt, "The facts of the alert changed", outline(e.facts()));
        }
        if (event instanceof AlertReclassified e) {
            return Line.bySystem(
                    "RECLASSIFIED",
                    recordedAt,
                    "Reclassified from " + e.previousRule() + " to " + e.rule() + ", severity " + e.severity(),
                    AlertJson.map(
                            "previousRule", e.previousRule(),
                            "rule", e.rule(),
                            "severity", e.severity(),
                            "immediateAction", e.recommendation().immediateAction(),
                            "procedures",
                                    e.recommendation().procedures().stream()
                                            .map(Procedure::code)
                                            .toList()));
        }
        if (event instanceof AlertEscalated e) {
            return Line.bySystem(
                    "ESCALATED",
                    recordedAt,
                    "Severity changed from " + e.previousSeverity() + " to " + e.severity(),
                    AlertJson.map("previousSeverity", e.previousSeverity(), "severity", e.severity()));
        }
        if (event instanceof AlertResolved e) {
            return Line.bySystem(
                    "RESOLVED",
                    recordedAt,
                    "Every locked account was restored",
                    AlertJson.map(
                            "resolvedAt", e.resolvedAt(),
                            "restoringEvents",
                                    e.restoringEvidence().stream()
                                            .map(Evidence::eventId)
                                            .toList()));
        }
        if (event instanceof AlertReopened e) {
            return Line.bySystem("REOPENED", recordedAt, e.reason(), AlertJson.map("reason", e.reason()));
        }
        if (event instanceof AlertRetracted e) {
            return Line.bySystem(
                    "RETRACTED",
                    recordedAt,
                    e.reason(),
                    AlertJson.map("reason", e.reason(), "supersededBy", e.supersededBy()));
        }
        if (event instanceof AlertAcknowledged e) {
            return Line.byOfficer(
                    "ACKNOWLEDGED", e.officer(), e.at(), "Acknowledged by " + e.officer(), AlertJson.map());
        }
        if (event instanceof AlertAssigned e) {
            return Line.byOfficer(
                    "ASSIGNED",
                    e.by(),
                    e.at(),
                    "Assigned to " + e.assignee() + " by " + e.by(),
                    AlertJson.map("assignee", e.assignee()));
        }
        if (event instanceof AlertCommented e) {
            return Line.byOfficer(
                    "COMMENTED", e.author(), e.at(), "Comment by " + e.author(), AlertJson.map("text", e.text()));
        }
        if (event instanceof AlertDismissed e) {
            return Line.byOfficer(
                    "DISMISSED",
                    e.officer(),
                    e.at(),
                    "Dismissed by " + e.officer(),
                    AlertJson.map("justification", e.justification()));
        }
        throw new IllegalArgumentException(
                "not an alert event: " + event.getClass().getName());
    }

    // Enough to see what changed from one line to the next; the whole facts are in the alert itself.
    private static Map<String, Object> outline(AlertFacts facts) {
        return AlertJson.map(
                "accounts",
                        facts.accounts().stream().map(LockedAccount::accountId).toList(),
                "overdueInvoices",
                        facts.overdueInvoices().stream()
                                .map(OverdueInvoice::invoiceId)
                                .toList(),
                "outstandingTotal", facts.outstandingTotal(),
                "fixedIndemnity", facts.fixedIndemnity(),
                "procedures",
                        facts.recommendation().procedures().stream()
                                .map(Procedure::code)
                                .toList(),
                "evidence", facts.evidence().size());
    }

    private HistoryLines() {}
}
