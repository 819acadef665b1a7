package io.leverwatch.compliance.operator.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.leverage.RecommendationPolicy;
import io.leverwatch.compliance.operator.history.Amount;
import io.leverwatch.compliance.operator.history.ContractState;
import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.query.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The bundle's {@code report.html}: one self-contained page (no script, no outside resource). Every text that comes
 * from an event or a user is HTML-escaped.
 */
public final class ReportHtml {

    private final StringBuilder html = new StringBuilder(64 * 1024);

    public static String render(CaseReport report) {
        return new ReportHtml().page(report);
    }

    private String page(CaseReport report) {
        ContractState.Contract contract = report.state().contract();
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        text("Case file of contract " + report.contractId());
        raw("</title><style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                + "width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;"
                + "vertical-align:top;font-size:.9em}code{font-size:.85em;word-break:break-all}"
                + ".notice{border:2px solid #b00;padding:.6em;background:#fff4f4}</style></head><body>\n");
        element("h1", "Case file of contract " + report.contractId());
        raw("<p class=\"notice\"><strong>");
        text(RecommendationPolicy.DISCLAIMER);
        raw("</strong><br>");
        text(RecommendationPolicy.DISCLAIMER_FR);
        raw("</p>\n<table>");
        row("Generated at", time(report.generatedAt()));
        row("Software", report.softwareVersion());
        row("Events", Integer.toString(report.timeline().size()));
        row("Chain head (SHA-256)", report.chainHead());
        raw("</table>\n");

        element("h2", "Contract");
        raw("<table>");
        row("Status", contract.status());
        row("Agency", join(contract.agencyName(), contract.agencyId()));
        row("Client", join(contract.clientName(), contract.clientId()));
        row("Scope", contract.scope());
        row(
                "Start date",
                contract.startDate() == null ? "" : contract.startDate().toString());
        if (contract.terminationEffectiveAt() != null) {
            row(
                    "Termination",
                    "by " + contract.terminatedBy() + ", effective " + time(contract.terminationEffectiveAt()) + ": "
                            + contract.terminationReason());
        }
        raw("</table>\n");

        element("h2", "Alerts and recommendations");
        if (report.alerts().isEmpty()) {
            element("p", "No alert was raised on this contract.");
        }
        report.alerts().forEach(this::alert);

        element("h2", "Timeline (business time)");
        raw("<table><tr><th>#</th><th>Business time</th><th>Received</th><th>Type</th><th>Source</th>"
                + "<th>Event id</th><th>Data</th></tr>\n");
        for (CaseReport.Entry entry : report.timeline()) {
            raw("<tr>");
            cell(Integer.toString(entry.line()));
            cell(time(entry.businessTime()));
            cell(time(entry.receivedAt()));
            cell(entry.type());
            cell(entry.source());
            cell(entry.eventId());
            raw("<td><code>");
            text(entry.data());
            raw("</code></td></tr>\n");
        }
        raw("</table>\n");

        element("h2", "How to verify this bundle");
        element(
                "p",
                "events.jsonl holds one event per line in canonical JSON; chain.txt chains them with SHA-256 from the"
                        + " contract id; manifest.json gives the chain head. Check them with:");
        element(
                "pre",
                "java -cp compliance-service-<version>.jar io.leverwatch.compliance.operator.VerifyBundle bundle.zip");
        raw("</body></html>\n");
        return html.toString();
    }

    private void alert(AlertView alert) {
        element("h3", alert.severity() + " " + alert.rule() + " (" + alert.status() + ")");
        raw("<table>");
        row("Alert id", alert.id());
        row("Raised at (business time)", time(alert.raisedAt()));
        row("Resolved at", time(alert.resolvedAt()));
        row(
                "Accounts",
                list(
                        alert.accounts(),
                        a -> a.path("label").asText() + " ["
                                + a.path("platform").asText()
                                + "] locked out since " + a.path("lockedSince").asText("")
                                + (a.path("restoredAt").isNull()
                                                || a.path("restoredAt").isMissingNode()
                                        ? ""
                                        : ", restored " + a.path("restoredAt").asText())));
        row(
                "Overdue invoices",
                list(
                        alert.overdueInvoices(),
                        i -> i.path("id").asText() + ": "
                                + money(i.path("outstanding")) + " outstanding"
                                + (i.path("disputed").asBoolean() ? ", disputed" : "")
                                + (i.path("formalNoticeSent").asBoolean() ? ", formal notice sent" : "")));
        row("Outstanding total", money(alert.outstandingTotal()));
        row("Fixed indemnity", money(alert.fixedIndemnity()) + " (" + RecommendationPolicy.FIXED_INDEMNITY_BASIS + ")");
        if (alert.dismissalJustification() != null) {
            row("Dismissed", alert.dismissedBy() + ": " + alert.dismissalJustification());
        }
        raw("</table>\n");
        JsonNode recommendation = alert.recommendation();
        if (recommendation != null) {
            raw("<p><strong>Immediate action: ");
            text(recommendation.path("immediateAction").asText());
            raw("</strong>. ");
            text(recommendation.path("immediateActionWhy").asText());
            raw("</p>\n");
            if (recommendation.path("procedures").size() > 0) {
                raw("<table><tr><th>Procedure</th><th>Legal basis</th><th>Why it fits</th></tr>\n");
                for (JsonNode procedure : recommendation.path("procedures")) {
                    raw("<tr>");
                    cell(procedure.path("code").asText() + " — "
                            + procedure.path("name").asText() + " ("
                            + procedure.path("englishName").asText() + ")");
                    cell(procedure.path("legalBasis").asText());
                    cell(procedure.path("why").asText());
                    raw("</tr>\n");
                }
                raw("</table>\n");
            }
            raw("<p class=\"notice\">");
            text(recommendation.path("disclaimer").asText(RecommendationPolicy.DISCLAIMER));
            raw("<br>");
            text(recommendation.path("disclaimerFr").asText(RecommendationPolicy.DISCLAIMER_FR));
            raw("</p>\n");
        }
        element("p", "Evidence: " + list(alert.evidence(), e -> e.path("id").asText()));
        List<HistoryEntry> history = alert.history() == null ? List.of() : alert.history();
        if (!history.isEmpty()) {
            raw("<table><tr><th>When</th><th>Who</th><th>What</th></tr>\n");
            for (HistoryEntry entry : history) {
                raw("<tr>");
                cell(time(entry.at()));
                cell(entry.actor());
                cell(entry.summary());
                raw("</tr>\n");
            }
            raw("</table>\n");
        }
    }

    static String money(JsonNode money) {
        if (money == null || money.isNull() || money.isMissingNode()) {
            return "";
        }
        return money.path("amount").asText() + " " + money.path("currency").asText();
    }

    static String money(Amount amount) {
        return amount == null ? "" : amount.amount() + " " + amount.currency();
    }

    static String list(JsonNode items, Function<JsonNode, String> line) {
        if (items == null || !items.isArray()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode item : items) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(line.apply(item));
        }
        return out.toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String join(String name, String id) {
        if (name == null) {
            return id == null ? "" : id;
        }
        return id == null ? name : name + " (" + id + ")";
    }

    private void row(String label, String value) {
        raw("<tr><th>");
        text(label);
        raw("</th>");
        cell(value);
        raw("</tr>");
    }

    private void cell(String value) {
        raw("<td>");
        text(value);
        raw("</td>");
    }

    private void element(String tag, String value) {
        raw("<" + tag + ">");
        text(value);
        raw("</" + tag + ">\n");
    }

    private void raw(String markup) {
        html.append(markup);
    }

    private void text(String value) {
        html.append(escape(value));
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private ReportHtml() {}
}
