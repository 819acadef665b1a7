package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.query.AlertProjection;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A handler that fails on one contract, on the real stack. The cause is real and outside the code: a database
 * trigger refuses the writes of one contract's saga, or of its alert's row in the alert view, as a broken constraint
 * would. That contract's events are parked in the group's dead-letter queue, in store order, while other contracts'
 * alerts arrive; an operator lists them, retries (in vain while the cause is there), and once the cause is gone a
 * retry gives the alert the facts call for; or drops them, and the sequence is gone.
 */
class DeadLetterIT extends ComplianceIntegrationTest {

    private static final String POISON = "poisoned by the test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Test
    void aSagaFailingOnOneContractParksItsEventsInOrderAndARetryAfterTheFixGivesTheAlert() throws Exception {
        LegalCase poisoned = new LegalCase("c-dlq-saga-" + UUID.randomUUID());
        LegalCase healthy = new LegalCase("c-dlq-ok-" + UUID.randomUUID());
        // The saga cannot be saved once it knows the second invoice: whichever of its facts comes first fails.
        String trigger = refuseSagasContaining(poisoned.secondInvoice);
        try {
            List<Published> poisonedEvents = publish(poisoned);
            List<Published> healthyEvents = publish(healthy);
            awaitCompleteAlert(healthy, healthyEvents);
            awaitProcessorPassed(AccessLeverageSaga.PROCESSING_GROUP, lastStored(poisonedEvents));

            JsonNode parked = sequence(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId);
            assertThat(parked.get("contractId").asText()).isEqualTo(poisoned.contractId);
            assertThat(parked.get("cause").asText()).contains(POISON);
            assertThat(parked.get("letters").get(0).get("cause").asText()).contains(POISON);
            List<String> letters = parked.get("letters").findValuesAsText("eventId");
            assertThat(letters).hasSize(parked.get("count").asInt()).isNotEmpty();
            assertThat(letters).isEqualTo(inStoreOrder(letters));
            // Every event from the first the saga failed on is parked, none before it.
            List<String> all =
                    inStoreOrder(poisonedEvents.stream().map(Published::eventId).toList());
            assertThat(all.subList(all.indexOf(letters.get(0)), all.size())).isEqualTo(letters);
            assertThat(alerts("contractId=" + healthy.contractId)).hasSize(1);

            // A retry while the cause is still there changes nothing, and says why.
            JsonNode failed =
                    ok(post(OPERATOR, retryPath(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId), null));
            assertThat(failed.get("result").asText()).isEqualTo("FAILED");
            assertThat(failed.at("/remaining/letters").findValuesAsText("eventId"))
                    .isEqualTo(letters);
            assertThat(failed.at("/remaining/cause").asText()).contains(POISON);

            dropTrigger(trigger, "sagaentry");
            JsonNode retried =
                    ok(post(OPERATOR, retryPath(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId), null));
            assertThat(retried.get("result").asText()).isEqualTo("RETRIED");
            awaitCompleteAlert(poisoned, poisonedEvents);
            assertThat(get(OPERATOR, sequencePath(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId))
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            dropTrigger(trigger, "sagaentry");
        }
    }

    @Test
    void aDroppedSequenceIsGoneAndUnknownOnesAreProblems() throws Exception {
        LegalCase poisoned = new LegalCase("c-dlq-drop-" + UUID.randomUUID());
        String trigger = refuseSagasContaining(poisoned.contractId);
        try {
            List<Published> events = publish(poisoned);
            awaitProcessorPassed(AccessLeverageSaga.PROCESSING_GROUP, lastStored(events));
            JsonNode parked = sequence(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId);
            assertThat(parked.get("count").asInt()).isEqualTo(events.size());

            HttpResponse<String> dropped =
                    send("DELETE", OPERATOR, sequencePath(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId));
            assertThat(dropped.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(dropped.body()).get("count").asInt()).isEqualTo(events.size());
            assertThat(listed(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId))
                    .isEmpty();
            assertThat(alerts("contractId=" + poisoned.contractId)).isEmpty();
        } finally {
            dropTrigger(trigger, "sagaentry");
        }

        HttpResponse<String> unknownSequence =
                post(OPERATOR, retryPath(AccessLeverageSaga.PROCESSING_GROUP, poisoned.contractId), null);
        assertThat(unknownSequence.statusCode()).isEqualTo(404);
        assertThat(unknownSequence.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknownSequence.body()).get("type").asText())
                .endsWith("/unknown-dead-letter-sequence");
        HttpResponse<String> unknownGroup = send("DELETE", OPERATOR, sequencePath("no-such-group", "x"));
        assertThat(unknownGroup.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownGroup.body()).get("type").asText()).endsWith("/unknown-processing-group");
        assertThat(get(OFFICER, "/api/admin/dead-letters").statusCode()).isEqualTo(403);
    }

    @Test
    void theAlertViewFailingOnOneAlertParksItAndTheDashboardRetriesIt() throws Exception {
        LegalCase poisoned = new LegalCase("c-dlq-view-" + UUID.randomUUID());
        LegalCase healthy = new LegalCase("c-dlq-view-ok-" + UUID.randomUUID());
        String trigger = "poison_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " raise exception '" + POISON + ": alert view of %', new.contract_id; end $$");
        jdbc.execute("create trigger " + trigger + " before insert or update on alert_view for each row"
                + " when (new.contract_id = '" + poisoned.contractId + "') execute function " + trigger + "()");
        try {
            List<Published> poisonedEvents = publish(poisoned);
            List<Published> healthyEvents = publish(healthy);
            awaitCompleteAlert(healthy, healthyEvents);
            awaitProcessorPassed(AccessLeverageSaga.PROCESSING_GROUP, lastStored(poisonedEvents));
            awaitProcessorPassed(
                    AlertProjection.PROCESSING_GROUP,
                    jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class));
            assertThat(alerts("contractId=" + poisoned.contractId)).isEmpty();
            List<JsonNode> parked = listed(AlertProjection.PROCESSING_GROUP, poisoned.contractId);
            assertThat(parked).isNotEmpty();
            assertThat(parked)
                    .allSatisfy(s -> assertThat(s.get("cause").asText()).contains(POISON))
                    .allSatisfy(s -> assertThat(
                                    s.get("letters").get(0).get("eventType").asText())
                            .isEqualTo("AlertRaised"));

            SessionClient operator = SessionClient.signIn(this::uri, "operator", OPERATOR_PASSWORD);
            HttpResponse<String> page = operator.get("/operator/dead-letters");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains(AlertProjection.PROCESSING_GROUP)
                    .contains(poisoned.contractId)
                    .contains(POISON)
                    .contains("Retry")
                    .contains("Drop");

            jdbc.execute("drop trigger " + trigger + " on alert_view");
            for (JsonNode sequence : parked) {
                HttpResponse<String> retried = operator.post(
                        "/operator/dead-letters/retry",
                        SessionClient.csrf(page.body()),
                        "group=" + AlertProjection.PROCESSING_GROUP + "&sequenceId="
                                + URLEncoder.encode(sequence.get("sequenceId").asText(), StandardCharsets.UTF_8));
                assertThat(retried.statusCode()).isEqualTo(302);
                HttpResponse<String> after = operator.get("/operator/dead-letters");
                assertThat(after.body())
                        .contains("every letter was handled")
                        .doesNotContain(
                                "data-sequence=\"" + sequence.get("sequenceId").asText() + "\"");
            }
            awaitCompleteAlert(poisoned, poisonedEvents);
            assertThat(listed(AlertProjection.PROCESSING_GROUP, poisoned.contractId))
                    .isEmpty();

            SessionClient auditor = SessionClient.signIn(this::uri, "auditor", AUDITOR_PASSWORD);
            assertThat(auditor.get("/operator/dead-letters").statusCode()).isEqualTo(403);
        } finally {
            jdbc.execute("drop trigger if exists " + trigger + " on alert_view");
            jdbc.execute("drop function if exists " + trigger + "()");
        }
    }

    private List<Published> publish(LegalCase legalCase) {
        List<Published> sent = new ArrayList<>();
        legalCase.contractEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
        legalCase.accessEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        return sent;
    }

    /** The case's alert once the saga has seen every fact: CRITICAL, both accounts, both invoices, the refusal. */
    private void awaitCompleteAlert(LegalCase legalCase, List<Published> events) throws Exception {
        String refusal = events.get(events.size() - 1).eventId();
        awaitAlert(
                legalCase.contractId,
                alert -> "CRITICAL".equals(alert.get("severity").asText())
                        && alert.get("evidence").findValuesAsText("id").contains(refusal)
                        && alert.get("accounts").size() == 2
                        && alert.get("overdueInvoices").size() == 2);
    }

    /** Refuses to store any saga whose serialized state contains the text; returns the trigger's name. */
    private String refuseSagasContaining(String text) {
        String trigger = "poison_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " if convert_from(new.serializedsaga, 'UTF8') like '%" + text + "%' then"
                + " raise exception '" + POISON + ": saga of " + text + "'; end if; return new; end $$");
        jdbc.execute("create trigger " + trigger
                + " before insert or update on sagaentry for each row execute function " + trigger + "()");
        return trigger;
    }

    private void dropTrigger(String trigger, String table) {
        jdbc.execute("drop trigger if exists " + trigger + " on " + table);
        jdbc.execute("drop function if exists " + trigger + "()");
    }

    /** The global index of the last of these events once all are in the inbox. */
    private long lastStored(List<Published> events) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> indexes = jdbc.queryForList(
                    "select globalindex from domainevententry where eventidentifier = any(?)", Long.class, (Object)
                            events.stream().map(Published::eventId).toArray(String[]::new));
            if (indexes.size() == events.size()) {
                return indexes.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            Thread.sleep(100);
        }
        return fail("the events did not all reach the inbox within " + PATIENCE);
    }

    /**
     * Waits until every segment of the group's processor is at or past the store position. Every segment: a pooled
     * processor lets go of a segment whose batch failed, until it claims it again to retry, and has no status for it
     * meanwhile.
     */
    private void awaitProcessorPassed(String group, long position) throws InterruptedException {
        StreamingEventProcessor processor =
                processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var statuses = processor.processingStatus().values();
            if (statuses.size() == segments
                    && statuses.stream()
                            .map(EventTrackerStatus::getCurrentPosition)
                            .allMatch(p -> p.isPresent() && p.getAsLong() >= position)) {
                return;
            }
            Thread.sleep(100);
        }
        fail(group + " did not pass position " + position + " within " + PATIENCE);
    }

    private List<String> inStoreOrder(List<String> eventIds) {
        return jdbc.queryForList(
                "select eventidentifier from domainevententry where eventidentifier = any(?) order by globalindex",
                String.class,
                (Object) eventIds.toArray(String[]::new));
    }

    private JsonNode sequence(String group, String sequenceId) throws Exception {
        return ok(get(OPERATOR, sequencePath(group, sequenceId)));
    }

    /** The group's listed sequences about the contract, from the list of every group's dead letters. */
    private List<JsonNode> listed(String group, String contractId) throws Exception {
        JsonNode groups = ok(get(OPERATOR, "/api/admin/dead-letters")).get("groups");
        Optional<JsonNode> found = StreamSupport.stream(groups.spliterator(), false)
                .filter(g -> group.equals(g.get("group").asText()))
                .findFirst();
        assertThat(found).as("group " + group + " is listed").isPresent();
        return StreamSupport.stream(found.get().get("sequences").spliterator(), false)
                .filter(s -> contractId.equals(s.path("contractId").asText()))
                .toList();
    }

    private static String sequencePath(String group, String sequenceId) {
        return "/api/admin/dead-letters/" + group + "/" + sequenceId;
    }

    private static String retryPath(String group, String sequenceId) {
        return sequencePath(group, sequenceId) + "/retry";
    }

    private HttpResponse<String> send(String method, String credentials, String path) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        authorize(request, credentials);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
