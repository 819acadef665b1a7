package io.leverwatch.billing.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static io.leverwatch.kit.test.CloudEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.billing.BillingServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.RealInfrastructure;
import io.leverwatch.kit.test.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * billing-service end to end on a real PostgreSQL and a real Kafka broker: invoices sent over HTTP or the
 * inbound topic end up on {@code leverwatch.billing.events} keyed by contract, overdue on business time;
 * events about a contract not yet known wait for it, and another agency's are quarantined.
 */
@SpringBootTest(
        classes = BillingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=billing-service",
            "leverwatch.embedded=true",
            "leverwatch.demo-keys[0]=agency-a=" + BillingServiceIT.KEY_A,
            "leverwatch.demo-keys[1]=agency-b=" + BillingServiceIT.KEY_B
        })
// Closed after the class, so its deadline scheduler does not run beside the restart test's services.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BillingServiceIT {

    static final String KEY_A = "lw_test_key_for_agency_a_0123456789abcdef";
    static final String KEY_B = "lw_test_key_for_agency_b_0123456789abcdef";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static TopicReader billingEvents;
    static TopicReader deadLetters;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

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
        awaitCount("select count(*) from held_publication where contract_id = ?", contractId, 0);
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

        awaitRow("select count(*) from quarantined_event where contract_id = ?", contractId);
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
        awaitRow("select count(*) from known_contract where contract_id = ?", contractId);
        return contractId;
    }

    private void awaitRow(String countQuery, String id) throws InterruptedException {
        awaitCount(countQuery, id, 1);
    }

    private void awaitCount(String countQuery, String id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(countQuery, Integer.class, id) != expected) {
            assertThat(System.nanoTime())
                    .as("waiting for " + countQuery + " " + id)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private double quarantined() {
        return meters.find("leverwatch.quarantined").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static List<JsonNode> publishedFor(String contractId, String invoiceId, int count) {
        return billingEvents
                .awaitMatching(
                        r -> contractId.equals(TopicReader.key(r))
                                && invoiceId.equals(TopicReader.json(r)
                                        .at("/data/invoiceId")
                                        .asText()),
                        count,
                        Duration.ofSeconds(30))
                .stream()
                .map(TopicReader::json)
                .toList();
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

    private void sendToInboundTopic(String key, String recordKey, Map<String, Object> event) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            var record = new ProducerRecord<>(
                    Topics.INBOUND_BILLING,
                    recordKey.getBytes(StandardCharsets.UTF_8),
                    json(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add("authorization", ("Bearer " + key).getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private HttpResponse<String> post(String key, Map<String, Object> event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json(event)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
