package io.leverwatch.billing.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.billing.BillingServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ContractEventsFeed;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Tenant isolation on billing-service, as a matrix: agency B's key sends every kind of billing event about agency A's
 * contract or invoice and is refused each time (403 over HTTP, dead-lettered as forbidden on the inbound topic);
 * nothing is added to what A's invoice or contract holds.
 */
@SpringBootTest(
        classes = BillingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=billing-service")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingIsolationIT extends ServiceEndToEnd {

    /** Business dates around the wall clock's today, so that no overdue deadline fires during the test. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    final String contractOfA = "c-" + UUID.randomUUID();
    final String invoiceOfA = "INV-" + UUID.randomUUID();
    TopicReader deadLetters;

    @BeforeAll
    void agencyAHasAContractWithAnInvoice() throws Exception {
        deadLetters = new TopicReader(Topics.INBOUND_DLQ);
        ContractEventsFeed.registerContract(contractOfA, "agency-a");
        awaitCount("select count(*) from known_contract where contract_id = ?", contractOfA, 1);
        assertThat(post(KEY_A, issue(invoiceOfA)).statusCode()).isEqualTo(202);
        awaitCount("select count(*) from domainevententry where aggregateidentifier = ?", invoiceOfA, 1);
    }

    @AfterAll
    void close() {
        deadLetters.close();
    }

    /** What agency B's key tries on agency A's contract and invoice, and the aggregate it would change. */
    Stream<Arguments> whatAgencyBMayNotSend() {
        String newInvoice = "INV-" + UUID.randomUUID();
        String creditNote = "CN-" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("issue an invoice on A's contract", newInvoice, issue(newInvoice)),
                Arguments.of(
                        "record a payment of A's invoice",
                        invoiceOfA,
                        onInvoice(
                                "leverwatch.invoice.payment-received",
                                Map.of("invoiceId", invoiceOfA, "amount", "100.00", "currency", "EUR"))),
                Arguments.of(
                        "declare A's invoice overdue",
                        invoiceOfA,
                        onInvoice("leverwatch.invoice.overdue", Map.of("invoiceId", invoiceOfA))),
                Arguments.of(
                        "dispute A's invoice",
                        invoiceOfA,
                        onInvoice("leverwatch.invoice.disputed", Map.of("invoiceId", invoiceOfA, "reason", "no"))),
                Arguments.of(
                        "cancel A's invoice",
                        invoiceOfA,
                        onInvoice("leverwatch.invoice.cancelled", Map.of("invoiceId", invoiceOfA, "reason", "no"))),
                Arguments.of(
                        "send a formal notice for A's invoice",
                        invoiceOfA,
                        onInvoice("leverwatch.invoice.formal-notice-sent", Map.of("invoiceId", invoiceOfA))),
                Arguments.of(
                        "issue a credit note on A's contract",
                        creditNote,
                        onInvoice(
                                "leverwatch.credit-note.issued",
                                Map.of(
                                        "creditNoteId",
                                        creditNote,
                                        "contractId",
                                        contractOfA,
                                        "amount",
                                        "50.00",
                                        "currency",
                                        "EUR"))));
    }

    @ParameterizedTest(name = "agency B may not {0} over HTTP")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsRefusedOverHttp(String what, String aggregate, Map<String, Object> event) throws Exception {
        int before = eventsOf(aggregate);

        HttpResponse<String> response = post(KEY_B, event);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(MAPPER.readTree(response.body()).get("type").asText())
                .isEqualTo("https://leverwatch.io/problems/foreign-contract");
        assertThat(eventsOf(aggregate)).isEqualTo(before);
    }

    @ParameterizedTest(name = "agency B may not {0} on the inbound topic")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsDeadLetteredOnTheInboundTopic(String what, String aggregate, Map<String, Object> event)
            throws Exception {
        int before = eventsOf(aggregate);

        AgencySystem.send(Topics.INBOUND_BILLING, KEY_B, contractOfA, event);

        var records = deadLetters.awaitMatching(
                r -> event.get("id").equals(TopicReader.json(r).path("id").asText()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), "leverwatch-dlq-reason")).startsWith("forbidden");
        assertThat(eventsOf(aggregate)).isEqualTo(before);
    }

    private int eventsOf(String aggregate) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, aggregate);
    }

    private Map<String, Object> issue(String invoiceId) {
        return onInvoice(
                "leverwatch.invoice.issued",
                Map.of(
                        "invoiceId",
                        invoiceId,
                        "contractId",
                        contractOfA,
                        "amount",
                        "500.00",
                        "currency",
                        "EUR",
                        "issuedOn",
                        TODAY.toString(),
                        "dueOn",
                        TODAY.plusDays(60).toString()));
    }

    private static Map<String, Object> onInvoice(String type, Map<String, Object> data) {
        return event(type, TODAY + "T00:00:00Z", data);
    }
}
