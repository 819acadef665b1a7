package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case of LEGAL.md from the three services' topics to the alert API and the live stream: one CRITICAL leverage
 * alert with its lawful recommendation, resolved when access is restored; delivering it all again changes nothing.
 */
class AlertLifecycleIT extends ComplianceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry registry;

    @Test
    void theLegalCaseRaisesOneCriticalAlertThatRestoringAccessResolves() throws Exception {
        LegalCase legalCase = new LegalCase("c-" + UUID.randomUUID());
        try (LiveStream stream = LiveStream.open(http, uri("/api/alerts/stream"), OFFICER)) {
            stream.awaitConnected();

            List<Published> sent = new ArrayList<>();
            legalCase.contractEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
            legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
            legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
            legalCase.accessEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));

            Published refusal = sent.get(sent.size() - 1);
            JsonNode alert = awaitAlert(legalCase.contractId, complete(refusal.eventId()));
            assertThat(alert.get("rule").asText()).isEqualTo("ACCESS_LEVERAGE_OVER_UNPAID_INVOICES");
            assertThat(alert.get("status").asText()).isEqualTo("OPEN");
            assertThat(alert.get("agencyId").asText()).isEqualTo(LegalCase.AGENCY);
            assertThat(alert.get("clientId").asText()).isEqualTo(LegalCase.CLIENT);
            assertThat(alert.get("raisedAt").asText()).isEqualTo("2026-04-01T08:00:00Z");
            assertThat(alert.get("accounts").findValuesAsText("id")).containsExactly(legalCase.facebook, legalCase.x);
            assertThat(alert.get("overdueInvoices").findValuesAsText("id"))
                    .containsExactly(legalCase.firstInvoice, legalCase.secondInvoice);
            assertThat(alert.at("/overdueInvoices/1/outstanding/amount").asText())
                    .isEqualTo("1500.00");
            assertThat(alert.at("/outstandingTotal/amount").asText()).isEqualTo("3300.00");
            assertThat(alert.at("/outstandingTotal/currency").asText()).isEqualTo("EUR");
            assertThat(alert.at("/fixedIndemnity/amount").asText()).isEqualTo("80.00");
            assertThat(alert.at("/recommendation/immediateAction").asText()).isEqualTo("RESTORE_ACCESS");
            assertThat(alert.at("/recommendation/procedures").findValuesAsText("code"))
                    .containsExactly("MISE_EN_DEMEURE", "INJONCTION_DE_PAYER", "REFERE_PROVISION");
            assertThat(alert.at("/recommendation/procedures/1/legalBasis").asText())
                    .isEqualTo("CPC art. 1405 to 1425");
            assertThat(alert.at("/recommendation/procedures/0/why").asText()).isNotBlank();
            assertThat(alert.at("/recommendation/disclaimer").asText()).contains("lawyer");
            assertThat(alert.get("evidence")).anySatisfy(evidence -> {
                assertThat(evidence.get("id").asText()).isEqualTo(refusal.eventId());
                assertThat(evidence.get("type").asText()).isEqualTo("leverwatch.access.request-refused");
                assertThat(evidence.get("time").asText()).isEqualTo("2026-04-02T15:00:00Z");
                assertThat(evidence.get("source").asText()).isEqualTo("https://erp.agence-pixel.example");
            });
            String alertId = alert.get("id").asText();

            legalCase.restorations().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));

            JsonNode resolved = awaitAlert(legalCase.contractId, a -> "RESOLVED".equals(text(a, "status")));
            assertThat(resolved.get("id").asText()).isEqualTo(alertId);
            assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2026-04-20T10:05:00Z");
            assertThat(stream.await(isAlert(alertId, "RESOLVED"), Duration.ofSeconds(10)))
                    .anyMatch(isAlert(alertId, "OPEN").and(a -> "CRITICAL".equals(text(a, "severity"))))
                    .anyMatch(isAlert(alertId, "RESOLVED"));

            redeliveringEverythingChangesNothing(sent, resolved);
        }
    }

    private void redeliveringEverythingChangesNothing(List<Published> sent, JsonNode resolved) throws Exception {
        double duplicatesBefore = duplicates();
        long storedBefore = stored(sent);
        assertThat(storedBefore).isEqualTo(sent.size());

        sent.forEach(services::send);

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (duplicates() < duplicatesBefore + sent.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(duplicates()).isGreaterThanOrEqualTo(duplicatesBefore + sent.size());
        assertThat(stored(sent)).isEqualTo(storedBefore);
        Thread.sleep(500); // were anything appended, the processors would have had time to act on it
        JsonNode alerts = alerts("contractId=" + resolved.get("contractId").asText() + "&status=OPEN,RESOLVED");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("id")).isEqualTo(resolved.get("id"));
        assertThat(alerts.get(0).get("version")).isEqualTo(resolved.get("version"));
    }

    // The facts arrive over three topics in no fixed order: wait for the alert on all of them, the refusal last sent.
    private static Predicate<JsonNode> complete(String refusalId) {
        return a -> "CRITICAL".equals(text(a, "severity"))
                && a.get("evidence").findValuesAsText("id").contains(refusalId)
                && a.get("accounts").size() == 2
                && a.get("overdueInvoices").size() == 2
                && "3300.00".equals(a.at("/outstandingTotal/amount").asText());
    }

    private static Predicate<JsonNode> isAlert(String alertId, String status) {
        return a -> alertId.equals(text(a, "id")) && status.equals(text(a, "status"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private double duplicates() {
        return registry.find("leverwatch.inbox.duplicates").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private long stored(List<Published> sent) {
        List<String> ids = sent.stream().map(Published::eventId).toList();
        return jdbc.queryForObject(
                "select count(*) from domainevententry where eventidentifier in ("
                        + String.join(",", ids.stream().map(id -> "?").toList()) + ")",
                Long.class,
                ids.toArray());
    }
}
