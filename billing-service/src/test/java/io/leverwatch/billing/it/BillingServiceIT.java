package io.leverwatch.billing.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.billing.BillingServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ContractEventsFeed;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * billing-service end to end on a real PostgreSQL and a real Kafka broker: invoices sent over HTTP or the
 * inbound topic end up on {@code leverwatch.billing.events} keyed by contract, overdue on business time;
 * events about a contract not yet known wait for it, and another agency's are quarantined.
 */
@SpringBootTest(
        classes = BillingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=billing-service")
// Closed after the class, so its deadline scheduler does not run beside the restart test's services.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BillingServiceIT extends ServiceEndToEnd {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static TopicReader billingEvents;
    static TopicReader deadLetters;

    @BeforeAll
    static void readers() {
        billingEvents = new TopicReader(Topics.BILLING_EVENTS);
        deadLetters = new TopicReader(Topics.INBOUND_DLQ);
    }

    @AfterAll
    static void close() {
        billingEvents.close();
        deadLetters.close();
    }

    @Test
    void anInvoicePastItsDueDateIsOverdueAtOnceFromTheStartOfTheDayAfter() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();
        LocalDate dueOn = TODAY.minusDays(30);

        assertThat(post(KEY_A, issue(invoiceId, contractId, "1200.00", TODAY.minusDays(60), dueOn))
                        .statusCode())
                .isEqualTo(202);

        List<JsonNode> published = publishedFor(contractId, invoiceId, 2);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.invoice.issued", "leverwatch.invoice.overdue");
        JsonNode overdue = published.get(1);
        assertThat(overdue.get("time").asText()).isEqualTo(dueOn.plusDays(1) + "T00:00:00Z");
        assertThat(overdue.get("agencyid").asText()).isEqualTo("agency-a");
        assertThat(overdue.at("/data/cause").asText()).isEqualTo("DUE_DATE_PASSED");
        assertThat(overdue.at("/data/outstanding/amount").decimalValue()).isEqualByComparingTo("1200.00");
    }

    @Test
    void anInvoiceDueTomorrowIsNotOverdue() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();

        assertThat(post(KEY_A, issue(invoiceId, contractId, "80.00", TODAY, TODAY.plusDays(1)))
                        .statusCode())
                .isEqualTo(202);

        assertThat(publishedFor(contractId, invoiceId, 1)).hasSize(1);
        assertThat(billingEvents.drain(Duration.ofSeconds(3)).stream()
                        .map(TopicReader::json)
                        .filter(e -> invoiceId.equals(e.at("/data/invoiceId").asText())))
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.invoice.issued");
    }

    @Test
    void partialPaymentsOverHttpAndTheInboundTopicLeaveTheExactOutstandingAmount() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();
        post(KEY_A, issue(invoiceId, contractId, "1200.00", TODAY.minusDays(1), TODAY.plusDays(30)));

        assertThat(post(KEY_A, payment(invoiceId, "200.50", "EUR")).statusCode())
                .isEqualTo(202);
        publishedFor(contractId, invoiceId, 2);
        sendToInboundTopic(KEY_A, contractId, payment(invoiceId, "0.25", "EUR"));

        List<JsonNode> published = publishedFor(contractId, invoiceId, 3);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly(
                        "leverwatch.invoice.issued",
                        "leverwatch.invoice.payment-received",
                        "leverwatch.invoice.payment-received");
        assertThat(outstanding(published.get(1))).isEqualByComparingTo("999.50");
        assertThat(outstanding(published.get(2))).isEqualByComparingTo("999.25");
        assertThat(published.get(2).at("/data/outstanding/currency").asText()).isEqualTo("EUR");
    }

    @Test
    void overpaymentsPaymentsInAnotherCurrencyAndUnknownInvoicesAreProblems() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();
        post(KEY_A, issue(invoiceId, contractId, "100.00", TODAY.minusDays(1), TODAY.plusDays(30)));

        HttpResponse<String> overpaid = post(KEY_A, payment(invoiceId, "100.01", "EUR"));
        assertThat(overpaid.statusCode()).isEqualTo(409);
        assertThat(overpaid.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(overpaid.body()).contains("more than the 100.00 EUR still outstanding");

        HttpResponse<String> dollars = post(KEY_A, payment(invoiceId, "10.00", "USD"));
        assertThat(dollars.statusCode()).isEqualTo(409);
        assertThat(dollars.body()).contains("is in EUR; a payment in USD");

        String unknown = "INV-" + UUID.randomUUID();
        HttpResponse<String> orphan = post(KEY_A, payment(unknown, "10.00", "EUR"));
        assertThat(orphan.statusCode()).isEqualTo(422);
        assertThat(orphan.body()).contains("Invoice " + unknown + " is not issued");
    }

    @Test
    void aNegativeAmountAndAnUnknownCurrencyAreRefusedNamingBothFields() throws Exception {
        String invoiceId = "INV-" + UUID.randomUUID();
        Map<String, Object> bad = issue(invoiceId, "c-any", "-5.00", TODAY, TODAY.plusDays(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) bad.get("data");
        data.put("currency", "EURO");

        HttpResponse<String> response = post(KEY_A, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = MAPPER.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("/data/amount", "/data/currency");
    }

    @Test
    void eventsForAContractNotYetKnownAreHeldAndPublishedInOrderOnceItIsRegistered() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String invoiceId = "INV-" + UUID.randomUUID();
        assertThat(post(KEY_A, issue(invoiceId, contractId, "500.00", TODAY.minusDays(1), TODAY.plusDays(30)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.invoice.disputed",
                                        TODAY + "T12:00:00Z",
                                        Map.of("invoiceId", invoiceId, "reason", "work not delivered")))
                        .statusCode())
                .isEqualTo(202);
        assertThat(billingEvents.drain(Duration.ofSeconds(3))).noneMatch(r -> contractId.equals(TopicReader.key(r)));

        ContractEventsFeed.registerContract(contractId, "agency-a");

        assertThat(publishedFor(contractId, invoiceId, 2))
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.invoice.issued", "leverwatch.invoice.disputed");
        // The release commits just after the broker acknowledged what it published.
        awaitCount("select count(*) from held_publication where gate_key = ?", "contract:" + contractId, 0);
    }

    @Test
    void anEventThatTurnsOutToBeAboutAnotherAgencysContractIsQuarantinedNotPublished() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String invoiceId = "INV-" + UUID.randomUUID();
        double quarantinedBefore = quarantined();
        assertThat(post(KEY_B, issue(invoiceId, contractId, "300.00", TODAY.minusDays(1), TODAY.plusDays(30)))
                        .statusCode())
                .isEqualTo(202);

        ContractEventsFeed.registerContract(contractId, "agency-a");

        awaitCount("select count(*) from quarantined_event where contract_id = ?", contractId, 1);
        assertThat(jdbc.queryForMap(
                        "select sender_agency_id, owner_agency_id, event_type from quarantined_event"
                                + " where contract_id = ?",
                        contractId))
                .containsEntry("sender_agency_id", "agency-b")
                .containsEntry("owner_agency_id", "agency-a")
                .containsEntry("event_type", "leverwatch.invoice.issued");
        assertThat(quarantined()).isEqualTo(quarantinedBefore + 1);
        assertThat(billingEvents.drain(Duration.ofSeconds(2))).noneMatch(r -> contractId.equals(TopicReader.key(r)));

        String second = "INV-" + UUID.randomUUID();
        assertThat(post(KEY_B, issue(second, contractId, "1.00", TODAY, TODAY.plusDays(1)))
                        .statusCode())
                .as("once the contract is known, agency B is refused at once")
                .isEqualTo(403);
    }

    @Test
    void anotherAgencysEventOnTheInboundTopicIsDeadLettered() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();
        post(KEY_A, issue(invoiceId, contractId, "100.00", TODAY.minusDays(1), TODAY.plusDays(30)));

        String key = "foreign-" + UUID.randomUUID();
        sendToInboundTopic(KEY_B, key, payment(invoiceId, "10.00", "EUR"));

        List<ConsumerRecord<byte[], byte[]>> dead =
                deadLetters.awaitMatching(r -> key.equals(TopicReader.key(r)), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TopicReader.header(dead.get(0), Topics.DLQ_REASON_HEADER)).startsWith("forbidden");
    }

    @Test
    void theAgencysOwnOverdueDeclarationAddsNothingToAnInvoiceAlreadyOverdue() throws Exception {
        String contractId = knownContract("agency-a");
        String invoiceId = "INV-" + UUID.randomUUID();
        post(KEY_A, issue(invoiceId, contractId, "700.00", TODAY.minusDays(60), TODAY.minusDays(30)));
        publishedFor(contractId, invoiceId, 2);

        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.invoice.overdue",
                                        TODAY + "T08:00:00Z",
                                        Map.of("invoiceId", invoiceId)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.invoice.formal-notice-sent",
                                        TODAY + "T09:00:00Z",
                                        Map.of("invoiceId", invoiceId)))
                        .statusCode())
                .isEqualTo(202);

        assertThat(publishedFor(contractId, invoiceId, 3))
                .extracting(e -> e.get("type").asText())
                .containsExactly(
                        "leverwatch.invoice.issued",
                        "leverwatch.invoice.overdue",
                        "leverwatch.invoice.formal-notice-sent");
    }

    @Test
    void aCreditNoteIsPublishedUnderItsContract() throws Exception {
        String contractId = knownContract("agency-a");
        String creditNoteId = "CN-" + UUID.randomUUID();

        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.credit-note.issued",
                                        TODAY + "T10:00:00Z",
                                        Map.of(
                                                "creditNoteId",
                                                creditNoteId,
                                                "contractId",
                                                contractId,
                                                "amount",
                                                "350.00",
                                                "currency",
                                                "EUR")))
                        .statusCode())
                .isEqualTo(202);

        var records = billingEvents.awaitMatching(
                r -> creditNoteId.equals(
                        TopicReader.json(r).at("/data/creditNoteId").asText()),
                1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.key(records.get(0))).isEqualTo(contractId);
        assertThat(TopicReader.json(records.get(0)).get("type").asText()).isEqualTo("leverwatch.credit-note.issued");
    }

    // --- helpers ---

    private String knownContract(String agencyId) throws InterruptedException {
        String contractId = "c-" + UUID.randomUUID();
        ContractEventsFeed.registerContract(contractId, agencyId);
        awaitCount("select count(*) from known_contract where contract_id = ?", contractId, 1);
        return contractId;
    }

    private static List<JsonNode> publishedFor(String contractId, String invoiceId, int count) {
        return billingEvents.awaitEvents(contractId, "/data/invoiceId", invoiceId, count, Duration.ofSeconds(30));
    }

    private static BigDecimal outstanding(JsonNode event) {
        return event.at("/data/outstanding/amount").decimalValue();
    }

    static Map<String, Object> issue(
            String invoiceId, String contractId, String amount, LocalDate issuedOn, LocalDate dueOn) {
        return event(
                "leverwatch.invoice.issued",
                issuedOn + "T10:00:00Z",
                new java.util.LinkedHashMap<>(Map.of(
                        "invoiceId",
                        invoiceId,
                        "contractId",
                        contractId,
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "issuedOn",
                        issuedOn.toString(),
                        "dueOn",
                        dueOn.toString())));
    }

    private static Map<String, Object> payment(String invoiceId, String amount, String currency) {
        return event(
                "leverwatch.invoice.payment-received",
                TODAY + "T00:00:00Z",
                Map.of("invoiceId", invoiceId, "amount", amount, "currency", currency));
    }

    private static void sendToInboundTopic(String key, String recordKey, Map<String, Object> event) throws Exception {
        AgencySystem.send(Topics.INBOUND_BILLING, key, recordKey, event);
    }
}
