package io.leverwatch.compliance.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API and the live stream show it (DESIGN §4).
 *
 * @param raisedAt business time at which the rule's conditions first held
 * @param accounts {@code [{id, platform, label, lockedSince, restoredAt}]}
 * @param overdueInvoices {@code [{id, outstanding {amount, currency}, overdueSince, overdueUntil, disputed,
 *     formalNoticeSent}]}
 * @param outstandingTotal {@code {amount, currency}}; null when the invoices are in several currencies (see
 *     {@code outstandingByCurrency})
 * @param fixedIndemnity {@code {amount, currency}}: 40 EUR per overdue invoice
 * @param recommendation {@code {immediateAction, immediateActionWhy, procedures [{code, name, englishName,
 *     legalBasis, why}], disclaimer, disclaimerFr}}
 * @param evidence {@code [{id, type, time, source}]}: the events the alert rests on, by business time
 * @param lastChangedAt when the alert last changed (wall clock)
 * @param version the sequence number of the alert's last event: grows with every change
 * @param history the audit trail, on {@code GET /api/alerts/{id}} only
 */
public record AlertView(
        String id,
        String contractId,
        String agencyId,
        String clientId,
        String rule,
        String severity,
        String status,
        Instant raisedAt,
        Instant resolvedAt,
        JsonNode accounts,
        JsonNode overdueInvoices,
        JsonNode outstandingTotal,
        JsonNode outstandingByCurrency,
        JsonNode fixedIndemnity,
        JsonNode recommendation,
        JsonNode evidence,
        String assignee,
        String assignedBy,
        Instant assignedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String dismissedBy,
        Instant dismissedAt,
        String dismissalJustification,
        String retractionReason,
        String supersededBy,
        Instant firstRecordedAt,
        Instant lastChangedAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history) {

    public AlertView withHistory(List<HistoryEntry> entries) {
        return new AlertView(
                id,
                contractId,
                agencyId,
                clientId,
                rule,
                severity,
                status,
                raisedAt,
                resolvedAt,
                accounts,
                overdueInvoices,
                outstandingTotal,
                outstandingByCurrency,
                fixedIndemnity,
                recommendation,
                evidence,
                assignee,
                assignedBy,
                assignedAt,
                acknowledgedBy,
                acknowledgedAt,
                dismissedBy,
                dismissedAt,
                dismissalJustification,
                retractionReason,
                supersededBy,
                firstRecordedAt,
                lastChangedAt,
                version,
                List.copyOf(entries));
    }
}
