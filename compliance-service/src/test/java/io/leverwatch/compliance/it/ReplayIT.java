package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.operator.history.ContractHistory;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay on the real stack: two contracts in the case of LEGAL.md. A replay of everything changes no alert and
 * announces none; after the sagas are lost and the read model damaged, a replay of one contract restores exactly
 * that contract (same ids, rules, severities, statuses, amounts, evidence, history) and leaves the other as it
 * was, and the rebuilt saga goes on deciding as before; a replay of everything then restores the other.
 */
class ReplayIT extends ComplianceIntegrationTest {

    /** Reads and writes a stored saga's JSON without changing a number. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final String ALL_STATUSES = "&status=OPEN,ACKNOWLEDGED,RESOLVED,DISMISSED,RETRACTED";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContractHistory history;

    @Autowired
    Serializer serializer;

    @Test
    void replayGivesTheSameAlertsAndReplayingOneContractLeavesTheOthersUntouched() throws Exception {
        LegalCase a = new LegalCase("c-replay-a-" + UUID.randomUUID());
        LegalCase b = new LegalCase("c-replay-b-" + UUID.randomUUID());
        JsonNode alertA = publishAndAwaitAlert(a);
        JsonNode alertB = publishAndAwaitAlert(b);
        String idA = alertA.get("id").asText();
        String idB = alertB.get("id").asText();
        JsonNode liveA = alertsOf(a);
        JsonNode liveB = alertsOf(b);
        JsonNode historyA = ok(get(OFFICER, "/api/alerts/" + idA)).get("history");

        // The live saga, once it has every fact, is byte for byte the saga the replay computes from the inbox.
        byte[] sagaA = awaitSagaAsTheReplayWantsIt(a);
        byte[] sagaB = awaitSagaAsTheReplayWantsIt(b);

        // A replay of everything: nothing differs, so nothing is sent to the aggregates, changed, or announced.
        try (LiveStream stream = LiveStream.open(http, uri("/api/alerts/stream"), OFFICER)) {
            stream.awaitConnected();
            JsonNode replay = replayAndAwait(null);
            assertThat(replay.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(replay.get("eventsDone").asLong()).isGreaterThanOrEqualTo(2L * events(a));
            assertThat(replay.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(replay.at("/outcome/contractsFailed").asLong()).isZero();
            assertThat(alertsOf(a)).isEqualTo(liveA);
            assertThat(alertsOf(b)).isEqualTo(liveB);
            assertThat(stream.await(alert -> false, Duration.ofMillis(500)))
                    .noneMatch(alert -> idA.equals(alert.get("id").asText())
                            || idB.equals(alert.get("id").asText()));
        }
        assertThat(raises(idA)).isEqualTo(1);
        // Nor did it write over the sagas, which it could tell unchanged by their bytes alone (SagaStates).
        assertThat(storedSaga(a)).isEqualTo(sagaA);
        assertThat(storedSaga(b)).isEqualTo(sagaB);

        // The sagas of both contracts are lost, and their read model damaged.
        deleteSagaOf(a);
        deleteSagaOf(b);
        jdbc.update(
                "update alert_view set severity = 'MEDIUM', severity_rank = 0, status = 'OPEN', resolved_at = null,"
                        + " outstanding_total = '{\"amount\":\"1.00\",\"currency\":\"EUR\"}'::jsonb"
                        + " where contract_id in (?, ?)",
                a.contractId,
                b.contractId);
        jdbc.update("delete from alert_history where alert_id = ?", idA);

        try (LiveStream stream = LiveStream.open(http, uri("/api/alerts/stream"), OFFICER)) {
            stream.awaitConnected();
            JsonNode replay = replayAndAwait(a.contractId);
            assertThat(replay.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(replay.get("scope").asText()).isEqualTo("CONTRACT");
            assertThat(replay.get("eventsDone").asLong()).isEqualTo(events(a));
            assertThat(replay.at("/outcome/sagasCreated").asLong()).isEqualTo(1);
            assertThat(replay.at("/outcome/alertViewsChanged").asLong()).isEqualTo(1);
            assertThat(replay.at("/outcome/alertHistoriesChanged").asLong()).isEqualTo(1);
            // Only the alert that changed back is announced.
            List<JsonNode> announced =
                    stream.await(alert -> idA.equals(alert.get("id").asText()), PATIENCE);
            assertThat(announced).noneMatch(alert -> idB.equals(alert.get("id").asText()));
        }
        assertThat(alertsOf(a)).isEqualTo(liveA);
        assertThat(ok(get(OFFICER, "/api/alerts/" + idA)).get("history")).isEqualTo(historyA);
        assertThat(raises(idA)).isEqualTo(1);
        assertThat(alertsOf(b).get(0).get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(sagasOf(b)).isZero();
        assertThat(sagasOf(a)).isEqualTo(1);

        // The rebuilt saga decides on as the lost one would have: access handed back resolves the same alert.
        a.restorations().forEach(e -> services.publish(e, LegalCase.AGENCY));
        JsonNode resolved = awaitAlert(
                a.contractId, alert -> "RESOLVED".equals(alert.get("status").asText()));
        assertThat(resolved.get("id").asText()).isEqualTo(idA);
        assertThat(resolved.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(raises(idA)).isEqualTo(1);

        JsonNode all = replayAndAwait(null);
        assertThat(all.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(alertsOf(b)).isEqualTo(liveB);
        assertThat(sagasOf(b)).isEqualTo(1);
        assertThat(raises(idB)).isEqualTo(1);
    }

    @Test
    void aSagaStoredInAnotherFormIsFoundUnchangedAndOneMissingAFactIsRewritten() throws Exception {
        LegalCase legalCase = new LegalCase("c-replay-form-" + UUID.randomUUID());
        publishAndAwaitAlert(legalCase);
        byte[] live = awaitSagaAsTheReplayWantsIt(legalCase);

        // The same saga in another form (as an older build might have written it): not the bytes the replay
        // computes, but the same facts and decisions, so it is compared as trees and left as it is.
        byte[] otherForm =
                ("{\n  " + new String(live, StandardCharsets.UTF_8).substring(1)).getBytes(StandardCharsets.UTF_8);
        assertThat(otherForm).isNotEqualTo(live);
        writeSaga(legalCase, otherForm);
        JsonNode unchanged = replayAndAwait(legalCase.contractId);
        assertThat(unchanged.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(unchanged.at("/outcome/sagasRewritten").asLong()).isZero();
        assertThat(unchanged.at("/outcome/alertCommands").asLong()).isZero();
        assertThat(storedSaga(legalCase)).isEqualTo(otherForm);

        // A fact lost from the saga: it differs, and is written again with every fact, as the replay computes it.
        ObjectNode saga = (ObjectNode) EXACT.readTree(live);
        ArrayNode facts = (ArrayNode) saga.path("contractCase").path("facts");
        int known = facts.size();
        facts.remove(known - 1);
        writeSaga(legalCase, EXACT.writeValueAsBytes(saga));
        JsonNode rewritten = replayAndAwait(legalCase.contractId);
        assertThat(rewritten.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(rewritten.at("/outcome/sagasRewritten").asLong()).isEqualTo(1);
        assertThat(rewritten.at("/outcome/alertCommands").asLong()).isZero();
        assertThat(storedSaga(legalCase)).isEqualTo(wantedSaga(legalCase));
        assertThat(JSON.readTree(storedSaga(legalCase)).path("contractCase").path("facts"))
                .hasSize(known);
    }

    @Test
    void onlyAnOperatorReplaysAndAnUnknownContractIsAProblem() throws Exception {
        assertThat(post(OFFICER, "/api/admin/replay", null).statusCode()).isEqualTo(403);
        assertThat(post(AUDITOR, "/api/admin/replay", null).statusCode()).isEqualTo(403);
        assertThat(get(AUDITOR, "/api/admin/replay").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post(OPERATOR, "/api/admin/replay", "{\"contractId\":\"c-nobody-knows\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("contractId").asText()).isEqualTo("c-nobody-knows");
        assertThat(get(OPERATOR, "/api/admin/replay").statusCode()).isEqualTo(200);
    }

    private JsonNode publishAndAwaitAlert(LegalCase legalCase) throws Exception {
        List<Published> sent = new ArrayList<>();
        legalCase.contractEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
        legalCase.accessEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        String refusal = sent.get(sent.size() - 1).eventId();
        return awaitAlert(
                legalCase.contractId,
                alert -> "CRITICAL".equals(alert.get("severity").asText())
                        && alert.get("evidence").findValuesAsText("id").contains(refusal)
                        && alert.get("accounts").size() == 2
                        && alert.get("overdueInvoices").size() == 2);
    }

    private JsonNode replayAndAwait(String contractId) throws Exception {
        HttpResponse<String> started = post(
                OPERATOR, "/api/admin/replay", contractId == null ? null : "{\"contractId\":\"" + contractId + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = ok(get(OPERATOR, "/api/admin/replay"));
            if (!"RUNNING".equals(status.get("state").asText())) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replay did not finish");
    }

    private JsonNode alertsOf(LegalCase legalCase) throws Exception {
        return ok(get(OFFICER, "/api/alerts?contractId=" + legalCase.contractId + ALL_STATUSES))
                .get("alerts");
    }

    private long events(LegalCase legalCase) {
        return jdbc.queryForObject(
                "select count(*) from inbox_index where contract_id = ?", Long.class, legalCase.contractId);
    }

    private long raises(String alertId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                Long.class,
                alertId,
                "%AlertRaised");
    }

    private byte[] awaitSagaAsTheReplayWantsIt(LegalCase legalCase) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        byte[] stored = storedSaga(legalCase);
        while (!Arrays.equals(stored, wantedSaga(legalCase)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stored = storedSaga(legalCase);
        }
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .isEqualTo(new String(wantedSaga(legalCase), StandardCharsets.UTF_8));
        return stored;
    }

    private void writeSaga(LegalCase legalCase, byte[] serialized) {
        int rows = jdbc.update(
                "update sagaentry set serializedsaga = ? where sagaid = (select sagaid from associationvalueentry"
                        + " where associationkey = 'contractId' and associationvalue = ?)",
                serialized,
                legalCase.contractId);
        assertThat(rows).isEqualTo(1);
    }

    private byte[] storedSaga(LegalCase legalCase) {
        return jdbc.queryForObject(
                "select s.serializedsaga from sagaentry s join associationvalueentry a on a.sagaid = s.sagaid"
                        + " where a.associationkey = 'contractId' and a.associationvalue = ?",
                byte[].class,
                legalCase.contractId);
    }

    // The saga once it has seen every inbox fact of the contract and brought the alerts to their decisions.
    private byte[] wantedSaga(LegalCase legalCase) {
        ContractCase contractCase = new ContractCase();
        history.events(legalCase.contractId).forEach(event -> contractCase.apply(event.toFact()));
        AccessLeverageSaga saga = AccessLeverageSaga.remembering(contractCase, AlertDecider.decide(contractCase));
        return serializer.serialize(saga, byte[].class).getData();
    }

    private long sagasOf(LegalCase legalCase) {
        return jdbc.queryForObject(
                "select count(distinct sagaid) from associationvalueentry where associationkey = 'contractId'"
                        + " and associationvalue = ?",
                Long.class,
                legalCase.contractId);
    }

    private void deleteSagaOf(LegalCase legalCase) {
        List<String> sagaIds = jdbc.queryForList(
                "select sagaid from associationvalueentry where associationkey = 'contractId' and associationvalue = ?",
                String.class,
                legalCase.contractId);
        for (String sagaId : sagaIds) {
            jdbc.update("delete from associationvalueentry where sagaid = ?", sagaId);
            jdbc.update("delete from sagaentry where sagaid = ?", sagaId);
        }
        assertThat(sagaIds).hasSize(1);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
