package io.leverwatch.compliance.operator.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.leverage.RecommendationPolicy;
import io.leverwatch.compliance.operator.history.ContractState;
import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.query.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/** The bundle's {@code report.pdf}: the same content as {@link ReportHtml}, as flowing text. */
public final class ReportPdf {

    public static byte[] render(CaseReport report) {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.generatedAt().toEpochMilli());
        try (PdfText pdf = new PdfText("Case file of contract " + report.contractId(), created)) {
            write(pdf, report);
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report", e);
        }
    }

    private static void write(PdfText pdf, CaseReport report) throws IOException {
        ContractState.Contract contract = report.state().contract();
        pdf.heading("Case file of contract " + report.contractId(), 16);
        pdf.strong(RecommendationPolicy.DISCLAIMER);
        pdf.paragraph(RecommendationPolicy.DISCLAIMER_FR);
        pdf.paragraph("Generated at " + ReportHtml.time(report.generatedAt()) + " by " + report.softwareVersion()
                + ". Events: " + report.timeline().size() + ". Chain head (SHA-256): " + report.chainHead());

        pdf.heading("Contract", 13);
        pdf.paragraph("Status: " + contract.status());
        pdf.paragraph("Agency: " + contract.agencyName() + " (" + contract.agencyId() + "). Client: "
                + contract.clientName() + " (" + contract.clientId() + ").");
        pdf.paragraph("Scope: " + contract.scope() + ". Start date: " + contract.startDate() + ".");
        if (contract.terminationEffectiveAt() != null) {
            pdf.paragraph("Terminated by " + contract.terminatedBy() + ", effective "
                    + contract.terminationEffectiveAt() + ": " + contract.terminationReason());
        }

        pdf.heading("Alerts and recommendations", 13);
        if (report.alerts().isEmpty()) {
            pdf.paragraph("No alert was raised on this contract.");
        }
        for (AlertView alert : report.alerts()) {
            alert(pdf, alert);
        }

        pdf.heading("Timeline (business time)", 13);
        for (CaseReport.Entry entry : report.timeline()) {
            pdf.strong(entry.line() + ". " + entry.businessTime() + "  " + entry.type());
            pdf.paragraph("id " + entry.eventId() + " from " + entry.source() + ", received " + entry.receivedAt());
            pdf.mono(entry.data());
        }

        pdf.heading("How to verify this bundle", 13);
        pdf.paragraph("events.jsonl holds one event per line in canonical JSON; chain.txt chains them with SHA-256"
                + " from the contract id; manifest.json gives the chain head. Check them with:");
        pdf.mono("java -cp compliance-service-<version>.jar io.leverwatch.compliance.operator.VerifyBundle bundle.zip");
    }

    private static void alert(PdfText pdf, AlertView alert) throws IOException {
        pdf.heading(alert.severity() + " " + alert.rule() + " (" + alert.status() + ")", 11);
        pdf.paragraph("Alert " + alert.id() + ", raised at " + ReportHtml.time(alert.raisedAt())
                + (alert.resolvedAt() == null ? "" : ", resolved at " + alert.resolvedAt()) + ".");
        pdf.paragraph("Accounts: "
                + ReportHtml.list(
                        alert.accounts(),
                        a -> a.path("label").asText() + " ["
                                + a.path("platform").asText() + "] locked out since "
                                + a.path("lockedSince").asText("")));
        pdf.paragraph("Overdue invoices: "
                + ReportHtml.list(
                        alert.overdueInvoices(),
                        i -> i.path("id").asText() + " (" + ReportHtml.money(i.path("outstanding")) + " outstanding)"));
        pdf.paragraph("Outstanding total: " + ReportHtml.money(alert.outstandingTotal()) + ". Fixed indemnity: "
                + ReportHtml.money(alert.fixedIndemnity()) + " (" + RecommendationPolicy.FIXED_INDEMNITY_BASIS + ").");
        JsonNode recommendation = alert.recommendation();
        if (recommendation != null) {
            pdf.strong("Immediate action: "
                    + recommendation.path("immediateAction").asText());
            pdf.paragraph(recommendation.path("immediateActionWhy").asText());
            for (JsonNode procedure : recommendation.path("procedures")) {
                pdf.strong(procedure.path("code").asText() + " - "
                        + procedure.path("name").asText() + " ("
                        + procedure.path("englishName").asText() + "). Legal basis: "
                        + procedure.path("legalBasis").asText());
                pdf.paragraph(procedure.path("why").asText());
            }
            pdf.strong(recommendation.path("disclaimer").asText(RecommendationPolicy.DISCLAIMER));
            pdf.paragraph(recommendation.path("disclaimerFr").asText(RecommendationPolicy.DISCLAIMER_FR));
        }
        pdf.paragraph("Evidence: "
                + ReportHtml.list(alert.evidence(), e -> e.path("id").asText()));
        if (alert.history() != null) {
            for (HistoryEntry entry : alert.history()) {
                pdf.paragraph(entry.at() + "  " + entry.actor() + ": " + entry.summary());
            }
        }
    }

    private ReportPdf() {}
}
