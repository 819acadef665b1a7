package io.leverwatch.access.it;

import static io.leverwatch.kit.test.CloudEvents.event;
import static io.leverwatch.kit.test.CloudEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.access.AccessServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.RealInfrastructure;
import io.leverwatch.kit.test.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * access-service end to end on a real PostgreSQL and a real Kafka broker: access facts sent over HTTP or the
 * inbound topic end up on {@code leverwatch.access.events} keyed by contract, also those that arrived before
 * contract-service registered their account; another agency's are refused or quarantined.
 */
@SpringBootTest(
        classes = AccessServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=access-service",
            "leverwatch.embedded=true",
            "leverwatch.demo-keys[0]=agency-a=" + AccessServiceIT.KEY_A,
            "leverwatch.demo-keys[1]=agency-b=" + AccessServiceIT.KEY_B
        })
class AccessServiceIT {

    static final String KEY_A = "lw_test_key_for_agency_a_0123456789abcdef";
    static final String KEY_B = "lw_test_key_for_agency_b_0123456789abcdef";
    static final ObjectMapper MAPPER = new ObjectMapper();

    static TopicReader accessEvents;

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
        accessEvents = new TopicReader(Topics.ACCESS_EVENTS);
    }

    @AfterAll
    static void close() {
        accessEvents.close();
    }

    @Test
    void factsArrivingBeforeTheAccountIsRegisteredArePublishedWithItsContractOnceItIs() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        Map<String, Object> change = credentialsChange(accountId);

        assertThat(post(KEY_A, change).statusCode()).isEqualTo(202);
        awaitCount("select count(*) from held_publication where account_id = ?", accountId, 1);
        sendToInboundTopic(
                KEY_A,
                accountId,
                event(
                        "leverwatch.access.revoked",
                        "2026-04-02T10:05:00Z",
                        Map.of("accountId", accountId, "revokedBy", "AGENCY", "role", "OWNER")));
        awaitCount("select count(*) from held_publication where account_id = ?", accountId, 2);
        assertThat(accessEvents.drain(Duration.ofSeconds(2)))
                .noneMatch(r -> accountId.equals(
                        TopicReader.json(r).at("/data/accountId").asText()));

        ContractEventsFeed.registerContract(contractId, "agency-a");
        ContractEventsFeed.registerAccount(contractId, "agency-a", accountId);

        List<JsonNode> published = publishedFor(contractId, accountId, 2);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.access.credentials-changed", "leverwatch.access.revoked");
        assertThat(published).allSatisfy(e -> {
            assertThat(e.at("/data/contractId").asText()).isEqualTo(contractId);
            assertThat(e.get("contractid").asText()).isEqualTo(contractId);
            assertThat(e.get("agencyid").asText()).isEqualTo("agency-a");
        });
        assertThat(published.get(0).get("originid").asText()).isEqualTo(change.get("id"));
        assertThat(published.get(0).get("time").asText()).isEqualTo("2026-04-02T10:00:00Z");
        assertThat(published.get(0).at("/data/ownerRetainsAccess").asBoolean()).isFalse();
        awaitCount("select count(*) from held_publication where account_id = ?", accountId, 0);
    }

    @Test
    void factsOnARegisteredAccountArePublishedAtOnce() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        registered(contractId, "agency-a", accountId);
        String statement = "Access will be returned once invoice INV-2026-001 is paid.";

        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.access.request-refused",
                                        "2026-04-03T09:00:00Z",
                                        Map.of(
                                                "accountId",
                                                accountId,
                                                "contractId",
                                                contractId,
                                                "reason",
                                                "PAYMENT_PENDING",
                                                "statement",
                                                statement)))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(
                                KEY_A,
                                event(
                                        "leverwatch.access.restored",
                                        "2026-04-09T16:30:00Z",
                                        Map.of("accountId", accountId, "means", "HANDOVER")))
                        .statusCode())
                .isEqualTo(202);

        List<JsonNode> published = publishedFor(contractId, accountId, 2);
        assertThat(published)
                .extracting(e -> e.get("type").asText())
                .containsExactly("leverwatch.access.request-refused", "leverwatch.access.restored");
        assertThat(published.get(0).at("/data/statement").asText()).isEqualTo(statement);
        assertThat(published.get(0).at("/data/reason").asText()).isEqualTo("PAYMENT_PENDING");
        assertThat(published.get(1).at("/data/means").asText()).isEqualTo("HANDOVER");
    }

    @Test
    void anotherAgencysAccountIsRefusedAndAContradictingContractIsAProblem() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        registered(contractId, "agency-a", accountId);

        assertThat(post(KEY_B, credentialsChange(accountId)).statusCode()).isEqualTo(403);

        HttpResponse<String> contradicting = post(
                KEY_A,
                event(
                        "leverwatch.access.requested",
                        "2026-04-03T09:00:00Z",
                        Map.of("accountId", accountId, "contractId", "c-other")));
        assertThat(contradicting.statusCode()).isEqualTo(422);
        assertThat(contradicting.body()).contains("registered under contract " + contractId);
    }

    @Test
    void aHeldFactThatTurnsOutToBeAboutAnotherAgencysAccountIsQuarantinedNotPublished() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String accountId = "fb-" + UUID.randomUUID();
        double before = quarantined();
        assertThat(post(KEY_B, credentialsChange(accountId)).statusCode()).isEqualTo(202);
        awaitCount("select count(*) from held_publication where account_id = ?", accountId, 1);

        registered(contractId, "agency-a", accountId);

        awaitCount("select count(*) from quarantined_event where account_id = ?", accountId, 1);
        assertThat(jdbc.queryForMap(
                        "select contract_id, sender_agency_id, owner_agency_id from quarantined_event"
                                + " where account_id = ?",
                        accountId))
                .containsEntry("contract_id", contractId)
                .containsEntry("sender_agency_id", "agency-b")
                .containsEntry("owner_agency_id", "agency-a");
        assertThat(quarantined()).isEqualTo(before + 1);
        assertThat(accessEvents.drain(Duration.ofSeconds(2)))
                .noneMatch(r -> accountId.equals(
                        TopicReader.json(r).at("/data/accountId").asText()));
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheField() throws Exception {
        var bad = event(
                "leverwatch.access.credentials-changed",
                "2026-04-02T10:00:00Z",
                Map.of(
                        "accountId",
                        "fb-1",
                        "changedBy",
                        "SOMEONE",
                        "ownerRetainsAccess",
                        "no",
                        "reason",
                        "ROUTINE_ROTATION"));

        HttpResponse<String> response = post(KEY_A, bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("/data/changedBy", "/data/ownerRetainsAccess");
    }

    // --- helpers ---

    private void registered(String contractId, String agencyId, String accountId) throws InterruptedException {
        ContractEventsFeed.registerContract(contractId, agencyId);
        ContractEventsFeed.registerAccount(contractId, agencyId, accountId);
        awaitCount("select count(*) from known_account where account_id = ?", accountId, 1);
    }

    private void awaitCount(String countQuery, String id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(countQuery, Integer.class, id) != expected) {
            assertThat(System.nanoTime())
                    .as("waiting for " + countQuery + " " + id + " = " + expected)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private double quarantined() {
        return meters.find("leverwatch.quarantined").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static Map<String, Object> credentialsChange(String accountId) {
        return event(
                "leverwatch.access.credentials-changed",
                "2026-04-02T10:00:00Z",
                Map.of(
                        "accountId",
                        accountId,
                        "changedBy",
                        "AGENCY",
                        "ownerRetainsAccess",
                        false,
                        "reason",
                        "PAYMENT_DEFAULT"));
    }

    private static List<JsonNode> publishedFor(String contractId, String accountId, int count) {
        return accessEvents
                .awaitMatching(
                        r -> contractId.equals(TopicReader.key(r))
                                && accountId.equals(TopicReader.json(r)
                                        .at("/data/accountId")
                                        .asText()),
                        count,
                        Duration.ofSeconds(30))
                .stream()
                .map(TopicReader::json)
                .toList();
    }

    private void sendToInboundTopic(String key, String recordKey, Map<String, Object> event) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            var record = new ProducerRecord<>(
                    Topics.INBOUND_ACCESS,
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
