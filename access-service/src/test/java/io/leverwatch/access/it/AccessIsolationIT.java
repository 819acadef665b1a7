package io.leverwatch.access.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.access.AccessServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.ContractEventsFeed;
import io.leverwatch.kit.test.ServiceEndToEnd;
import io.leverwatch.kit.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * Tenant isolation on access-service, as a matrix: agency B's key sends every kind of access event about an account
 * of agency A's contract and is refused each time (403 over HTTP, dead-lettered as forbidden on the inbound topic),
 * whether or not it names the contract; the account's history stays as it was.
 */
// Closed after the class: another live context of this service would claim the same processor tokens under
// the same owner (pid@host) and publish every event twice.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = AccessServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=access-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIsolationIT extends ServiceEndToEnd {

    final String contractOfA = "c-" + UUID.randomUUID();
    final String accountOfA = "fb-" + UUID.randomUUID();
    TopicReader deadLetters;

    @BeforeAll
    void agencyAHasAContractWithAnAccount() throws Exception {
        deadLetters = new TopicReader(Topics.INBOUND_DLQ);
        ContractEventsFeed.registerContract(contractOfA, "agency-a");
        ContractEventsFeed.registerAccount(contractOfA, "agency-a", accountOfA);
        awaitCount("select count(*) from known_account where account_id = ?", accountOfA, 1);
    }

    @AfterAll
    void close() {
        deadLetters.close();
    }

    /** Each access event type, on A's account, with and without A's contract named. */
    Stream<Arguments> whatAgencyBMayNotSend() {
        Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
        byType.put(
                "leverwatch.access.credentials-changed",
                Map.of("changedBy", "AGENCY", "ownerRetainsAccess", false, "reason", "PAYMENT_DEFAULT"));
        byType.put("leverwatch.access.revoked", Map.of("revokedBy", "AGENCY", "role", "OWNER"));
        byType.put("leverwatch.access.requested", Map.of());
        byType.put("leverwatch.access.request-refused", Map.of("reason", "PAYMENT_PENDING"));
        byType.put("leverwatch.access.restored", Map.of("means", "HANDOVER"));
        return byType.entrySet().stream()
                .flatMap(type -> Stream.of(true, false).map(namesContract -> {
                    Map<String, Object> data = new LinkedHashMap<>(type.getValue());
                    data.put("accountId", accountOfA);
                    if (namesContract) {
                        data.put("contractId", contractOfA);
                    }
                    return Arguments.of(
                            type.getKey() + (namesContract ? " naming A's contract" : ""),
                            event(type.getKey(), "2026-04-02T10:00:00Z", data));
                }));
    }

    @ParameterizedTest(name = "agency B may not send {0} over HTTP")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsRefusedOverHttp(String what, Map<String, Object> event) throws Exception {
        int before = eventsOfAccountOfA();

        HttpResponse<String> response = post(KEY_B, event);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(MAPPER.readTree(response.body()).get("type").asText())
                .isEqualTo("https://leverwatch.io/problems/foreign-contract");
        assertThat(eventsOfAccountOfA()).isEqualTo(before);
    }

    @ParameterizedTest(name = "agency B may not send {0} on the inbound topic")
    @MethodSource("whatAgencyBMayNotSend")
    void agencyBIsDeadLetteredOnTheInboundTopic(String what, Map<String, Object> event) throws Exception {
        int before = eventsOfAccountOfA();

        AgencySystem.send(Topics.INBOUND_ACCESS, KEY_B, contractOfA, event);

        var records = deadLetters.awaitMatching(
                r -> event.get("id").equals(TopicReader.json(r).path("id").asText()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), "leverwatch-dlq-reason")).startsWith("forbidden");
        assertThat(eventsOfAccountOfA()).isEqualTo(before);
    }

    private int eventsOfAccountOfA() {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, accountOfA);
    }
}
