package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Officers work an alert through the API and every action lands in its history; other roles only read, and bad or
 * unauthorised actions are answered with problems.
 */
class OfficerActionsIT extends ComplianceIntegrationTest {

    private String alertId;

    /** A HIGH leverage alert: Facebook codes changed by the agency while the first invoice is overdue. */
    @BeforeEach
    void anOpenAlert() throws Exception {
        LegalCase legalCase = new LegalCase("c-" + UUID.randomUUID());
        List<Published> sent = new ArrayList<>();
        legalCase.contractEvents().subList(0, 2).forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        sent.add(services.publish(legalCase.billingEvents().get(0), LegalCase.AGENCY));
        sent.add(services.publishDerived(legalCase.overdueEvents().get(0)));
        sent.add(services.publish(legalCase.accessEvents().get(0), LegalCase.AGENCY));
        List<String> ids = sent.stream().map(Published::eventId).toList();
        // Every fact is evidence of this alert: once all are cited, the saga has seen them all.
        JsonNode alert = awaitAlert(
                legalCase.contractId,
                a -> a.get("evidence").findValuesAsText("id").containsAll(ids));
        assertThat(alert.get("severity").asText()).isEqualTo("HIGH");
        alertId = alert.get("id").asText();
    }

    @Test
    void anOfficerAcknowledgesAssignsCommentsAndDismissesAndTheHistoryShowsIt() throws Exception {
        JsonNode acknowledged = ok(post(OFFICER, action("acknowledge"), null));
        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("officer");

        JsonNode assigned = ok(post(OFFICER, action("assign"), "{\"assignee\":\"bob\"}"));
        assertThat(assigned.get("assignee").asText()).isEqualTo("bob");
        assertThat(assigned.get("assignedBy").asText()).isEqualTo("officer");

        ok(post(OFFICER, action("comment"), "{\"text\":\"Called the agency: access promised for Monday.\"}"));

        HttpResponse<String> unjustified = post(OFFICER, action("dismiss"), "{}");
        assertThat(unjustified.statusCode()).isEqualTo(422);
        assertThat(unjustified.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unjustified.body()).get("field").asText()).isEqualTo("justification");
        assertThat(post(OFFICER, action("dismiss"), null).statusCode()).isEqualTo(422);

        JsonNode dismissed = ok(post(
                OFFICER,
                action("dismiss"),
                "{\"justification\":\"The agency handed the codes back; the client confirmed by phone.\"}"));
        assertThat(dismissed.get("status").asText()).isEqualTo("DISMISSED");
        assertThat(dismissed.get("dismissalJustification").asText()).startsWith("The agency handed");

        HttpResponse<String> closed = post(OFFICER, action("acknowledge"), null);
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(closed.body()).get("alertStatus").asText()).isEqualTo("DISMISSED");

        JsonNode history = ok(get(AUDITOR, "/api/alerts/" + alertId)).get("history");
        assertThat(history.findValuesAsText("what"))
                .startsWith("RAISED")
                .containsSubsequence("ACKNOWLEDGED", "ASSIGNED", "COMMENTED", "DISMISSED");
        assertThat(history)
                .filteredOn(line -> line.get("actorKind").asText().equals("OFFICER"))
                .extracting(line -> line.get("actor").asText())
                .containsExactly("officer", "officer", "officer", "officer");
        assertThat(history)
                .filteredOn(line -> line.get("what").asText().equals("COMMENTED"))
                .singleElement()
                .satisfies(line -> assertThat(line.at("/details/text").asText()).startsWith("Called the agency"));
        assertThat(alerts("status=DISMISSED&contractId="
                        + dismissed.get("contractId").asText()))
                .hasSize(1);
    }

    @Test
    void onlyOfficersActAndEveryoneSignsIn() throws Exception {
        assertThat(get(AUDITOR, "/api/alerts/" + alertId).statusCode()).isEqualTo(200);
        assertThat(get(OPERATOR, "/api/alerts?severity=HIGH").statusCode()).isEqualTo(200);

        HttpResponse<String> auditor = post(AUDITOR, action("acknowledge"), null);
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(auditor.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post(OPERATOR, action("comment"), "{\"text\":\"hello\"}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> wrongPassword = get("officer:not-the-password", "/api/alerts");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(get(null, "/api/alerts").statusCode()).isEqualTo(401);
        assertThat(get(null, "/api/alerts/stream").statusCode()).isEqualTo(401);
        assertThat(post(null, action("acknowledge"), null).statusCode()).isEqualTo(401);

        assertThat(ok(get(OFFICER, "/api/alerts/" + alertId)).get("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void unknownAlertsAndFiltersAreProblems() throws Exception {
        assertThat(get(OFFICER, "/api/alerts/alert-unknown").statusCode()).isEqualTo(404);
        assertThat(post(OFFICER, "/api/alerts/alert-unknown/acknowledge", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> badFilter = get(OFFICER, "/api/alerts?status=SHOUTING");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("status must be one of");
    }

    private String action(String name) {
        return "/api/alerts/" + alertId + "/" + name;
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
