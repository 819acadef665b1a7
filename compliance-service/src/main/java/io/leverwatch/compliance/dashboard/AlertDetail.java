package io.leverwatch.compliance.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.query.HistoryEntry;
import io.leverwatch.events.contract.ContractRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alert as its page shows it: the read model's alert in plain fields, with the names of the parties and what
 * each evidence event says, read from the inbox.
 *
 * @param contract the contract's registration, when compliance has it (names of the agency and the client, scope)
 */
public record AlertDetail(
        AlertView alert,
        Optional<ContractRegistered> contract,
        List<Account> accounts,
        List<Invoice> invoices,
        List<Procedure> procedures,
        List<Evidence> evidence,
        List<HistoryEntry> history) {

    /** An account held for the client; {@code restoredAt} null while the client is still locked out. */
    public record Account(String id, String platform, String label, Instant lockedSince, Instant restoredAt) {}

    public record Invoice(
            String id,
            JsonNode outstanding,
            Instant overdueSince,
            Instant overdueUntil,
            boolean disputed,
            boolean formalNoticeSent) {}

    /** A recommended procedure: its French name stays, with the English explanation beside it. */
    public record Procedure(String code, String name, String englishName, String legalBasis, String why) {}

    /** An event the alert rests on, at its business time, from the system that sent it. */
    public record Evidence(
            String id, String type, Instant time, String source, EvidenceDescriptions.Description description) {}

    /** @param events the evidence events' records by event id, as far as they are known */
    static AlertDetail of(AlertView alert, Map<String, Object> events, Formats formats) {
        List<Evidence> evidence = new ArrayList<>();
        ContractRegistered contract = null;
        for (JsonNode e : alert.evidence()) {
            String id = e.path("id").asText();
            Optional<Object> payload = Optional.ofNullable(events.get(id));
            if (payload.isPresent() && payload.get() instanceof ContractRegistered registered) {
                contract = registered;
            }
            evidence.add(new Evidence(
                    id,
                    e.path("type").asText(),
                    instant(e.get("time")),
                    text(e.get("source")),
                    payload.flatMap(p -> EvidenceDescriptions.of(p, formats)).orElse(null)));
        }
        List<Account> accounts = new ArrayList<>();
        for (JsonNode a : alert.accounts()) {
            accounts.add(new Account(
                    a.path("id").asText(),
                    text(a.get("platform")),
                    text(a.get("label")),
                    instant(a.get("lockedSince")),
                    instant(a.get("restoredAt"))));
        }
        List<Invoice> invoices = new ArrayList<>();
        for (JsonNode i : alert.overdueInvoices()) {
            invoices.add(new Invoice(
                    i.path("id").asText(),
                    i.get("outstanding"),
                    instant(i.get("overdueSince")),
                    instant(i.get("overdueUntil")),
                    i.path("disputed").asBoolean(),
                    i.path("formalNoticeSent").asBoolean()));
        }
        List<Procedure> procedures = new ArrayList<>();
        for (JsonNode p : alert.recommendation().path("procedures")) {
            procedures.add(new Procedure(
                    p.path("code").asText(),
                    text(p.get("name")),
                    text(p.get("englishName")),
                    text(p.get("legalBasis")),
                    text(p.get("why"))));
        }
        return new AlertDetail(
                alert,
                Optional.ofNullable(contract),
                List.copyOf(accounts),
                List.copyOf(invoices),
                List.copyOf(procedures),
                List.copyOf(evidence),
                alert.history() == null ? List.of() : alert.history());
    }

    /** Officers may still act on it: it is neither resolved, nor dismissed, nor retracted. */
    public boolean open() {
        return "OPEN".equals(alert.status()) || "ACKNOWLEDGED".equals(alert.status());
    }

    public boolean acknowledged() {
        return "ACKNOWLEDGED".equals(alert.status()) || alert.acknowledgedBy() != null;
    }

    public String immediateAction() {
        return text(alert.recommendation().get("immediateAction"));
    }

    public String immediateActionWhy() {
        return text(alert.recommendation().get("immediateActionWhy"));
    }

    /** The notice that a lawyer should confirm the recommendation, in French or English. */
    public String disclaimer(boolean french) {
        JsonNode recommendation = alert.recommendation();
        String fr = text(recommendation.get("disclaimerFr"));
        return french && fr != null ? fr : text(recommendation.get("disclaimer"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}
