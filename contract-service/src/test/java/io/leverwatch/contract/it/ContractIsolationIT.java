package io.leverwatch.contract.it;

import static io.leverwatch.contract.it.Registrations.registration;
import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.contract.ContractServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Tenant isolation on contract-service, as a matrix: agency B's key sends every kind of contract event about agency
 * A's contract and is refused each time (403, over HTTP; dead-lettered as forbidden on the inbound topic), and
 * A's contract stays as A made it; reading a contract answers only its own agency.
 */
// Closed after the class: another live context of this service would claim the same processor tokens under
// the same owner (pid@host) and publish every event twice.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = ContractServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=contract-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractIsolationIT extends ServiceEndToEnd {

    static final String UNKNOWN_KEY = "lw_not_a_key_of_anyone_0123456789abcdef";

    final HttpClient http = HttpClient.newHttpClient();
    final String contractOfA = "c-" + UUID.randomUUID();
    TopicReader deadLetters;

    @BeforeAll
    void agencyAHasAContractWithAnAccount() throws Exception {
        deadLetters = new TopicReader(Topics.INBOUND_DLQ);
        assertThat(post(KEY_A, registration(contractOfA, "agency-a")).statusCode())
                .isEqualTo(202);
        assertThat(post(KEY_A, account(contractOfA, "fb-" + contractOfA)).statusCode())
                .isEqualTo(202);
        awaitCount("select count(*) from account_view where contract_id = ?", contractOfA, 1);
    }

    @AfterAll
    void close() {
        deadLetters.close();
    }

    /** What agency B's key tries on agency A's contract. */
    Stream<Arguments> whatAgencyBMayNotSend() {
        return Stream.of(
                Arguments.of("register A's contract as B's", registration(contractOfA, "agency-b")),
                Arguments.of("register A's contract in A's name", registration(contractOfA, "agency-a")),
                Arguments.of("register an account on it", account(contractOfA, "x-" + UUID.randomUUID())),
                Arguments.of(
                        "declare a critical period",
                        event(
                                "leverwatch.contract.critical-period-declared",
                                "2026-02-01T09:00:00Z",
                                Map.of(
                                        "contractId", contractOfA,
                                        "from", "2026-03-01T00:00:00Z",
                                        "to", "2026-03-31T00:00:00Z",
                                        "description", "sales"))),
                Arguments.of(
                        "terminate it",
                        event(
                                "leverwatch.contract.terminated",
                                "2026-02-01T09:00:00Z",
                                Map.of(
                                        "contractId", contractOfA,
                                        "terminatedBy", "AGENCY",
                                        "effectiveAt", "2026-03-01T00:00:00Z",
                                        "reason", "unpaid"))));
    }

    @ParameterizedTest(name = "agency B may not {0} over HTTP")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsRefusedOverHttp(String what, Map<String, Object> event) throws Exception {
        HttpResponse<String> response = post(KEY_B, event);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(MAPPER.readTree(response.body()).get("type").asText())
                .isEqualTo("https://leverwatch.io/problems/foreign-contract");
        assertContractOfAUnchanged();
    }

    @ParameterizedTest(name = "agency B may not {0} on the inbound topic")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsDeadLetteredOnTheInboundTopic(String what, Map<String, Object> event) throws Exception {
        AgencySystem.send(Topics.INBOUND_CONTRACT, KEY_B, contractOfA, event);

        var records = deadLetters.awaitMatching(
                r -> event.get("id").equals(TopicReader.json(r).path("id").asText()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), "leverwatch-dlq-reason")).startsWith("forbidden");
        assertThat(TopicReader.header(records.get(0), "authorization")).isNull();
        assertContractOfAUnchanged();
    }

    /** Who reads agency A's contract, and what they get. */
    Stream<Arguments> whoReadsTheContract() {
        return Stream.of(
                Arguments.of("agency A", KEY_A, 200),
                Arguments.of("agency B", KEY_B, 403),
                Arguments.of("an unknown key", UNKNOWN_KEY, 401),
                Arguments.of("nobody", null, 401));
    }

    @ParameterizedTest(name = "{0} reading A's contract gets {2}")
    @MethodSource("whoReadsTheContract")
    void onlyTheOwningAgencyReadsItsContract(String who, String key, int expected) throws Exception {
        HttpResponse<String> response = read(key, contractOfA);

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(response.body()).doesNotContain("Boulangerie").doesNotContain("fb-" + contractOfA);
        }
    }

    @Test
    void noKeyAndAnUnknownKeySendNothing() throws Exception {
        String contract = "c-" + UUID.randomUUID();
        assertThat(post(UNKNOWN_KEY, registration(contract, "agency-a")).statusCode())
                .isEqualTo(401);
        assertThat(read(KEY_A, contract).statusCode()).isEqualTo(404);
    }

    private void assertContractOfAUnchanged() throws Exception {
        JsonNode contract = MAPPER.readTree(read(KEY_A, contractOfA).body());
        assertThat(contract.get("agencyId").asText()).isEqualTo("agency-a");
        assertThat(contract.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(contract.get("accounts")).hasSize(1);
        assertThat(contract.get("criticalPeriods")).isEmpty();
    }

    private HttpResponse<String> read(String key, String contractId) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contracts/" + contractId));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> account(String contractId, String accountId) {
        return event(
                "leverwatch.contract.account-registered",
                "2026-01-06T10:00:00Z",
                Map.of(
                        "contractId", contractId,
                        "accountId", accountId,
                        "platform", "FACEBOOK",
                        "label", "Page Facebook",
                        "heldInNameOf", "CLIENT"));
    }
}
