package io.leverwatch.contract.it;

import static io.leverwatch.contract.it.Registrations.registration;
import static io.leverwatch.kit.test.CloudEvents.event;
import static io.leverwatch.kit.test.CloudEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.contract.ContractServiceApplication;
import io.leverwatch.events.Topics;
import io.leverwatch.infra.TestInfrastructure;
import io.leverwatch.kit.test.RealInfrastructure;
import io.leverwatch.kit.test.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * contract-service end to end on a real PostgreSQL and a real Kafka broker: what an agency sends over
 * HTTP or the inbound topic ends up on {@code leverwatch.contract.events}, once, and bad input is refused
 * with a problem that names the field, or dead-lettered with its reason.
 */
// Closed after the class: another live context of this service would claim the same processor tokens under
// the same owner (pid@host) and publish every event twice.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = ContractServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=contract-service",
            "leverwatch.embedded=true",
            "leverwatch.demo-keys[0]=agency-a=" + ContractServiceIT.KEY_A,
            "leverwatch.demo-keys[1]=agency-b=" + ContractServiceIT.KEY_B
        })
class ContractServiceIT {

    static final String KEY_A = "lw_test_key_for_agency_a_0123456789abcdef";
    static final String KEY_B = "lw_test_key_for_agency_b_0123456789abcdef";
    static final ObjectMapper MAPPER = new ObjectMapper();

    static TopicReader contractEvents;
    static TopicReader deadLetters;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeAll
    static void readers() {
        contractEvents = new TopicReader(Topics.CONTRACT_EVENTS);
        deadLetters = new TopicReader(Topics.INBOUND_DLQ);
    }

    @AfterAll
    static void close() {
        contractEvents.close();
        deadLetters.close();
    }

    @Test
    void aRegistrationPostedOverHttpIsPublishedWithTheSameData() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        Map<String, Object> registration = registration(contractId, "agency-a");

        HttpResponse<String> response = post(KEY_A, "application/cloudevents+json", json(registration));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        var records =
                contractEvents.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        JsonNode published = TopicReader.json(records.get(0));
        assertThat(published.get("type").asText()).isEqualTo("leverwatch.contract.registered");
        assertThat(published.get("time").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(published.get("originid").asText()).isEqualTo(registration.get("id"));
        assertThat(published.get("originsource").asText()).isEqualTo(registration.get("source"));
        JsonNode data = published.get("data");
        assertThat(data.get("contractId").asText()).isEqualTo(contractId);
        assertThat(data.get("agencyId").asText()).isEqualTo("agency-a");
        assertThat(data.get("clientName").asText()).isEqualTo("Boulangerie Martin");
        assertThat(data.get("startDate").asText()).isEqualTo("2026-01-05");

        HttpResponse<String> read = get(KEY_A, "/api/contracts/" + contractId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(read.body()).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aRedeliveredEventCountsAsADuplicateAndChangesNothing() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String body = json(registration(contractId, "agency-a"));

        assertThat(post(KEY_A, "application/cloudevents+json", body).statusCode())
                .isEqualTo(202);
        HttpResponse<String> again = post(KEY_A, "application/cloudevents+json", body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(again.body()).get("duplicates").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(again.body()).get("accepted").asInt()).isEqualTo(0);
        contractEvents.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 1, Duration.ofSeconds(30));
        assertThat(contractEvents.drain(Duration.ofSeconds(2)).stream()
                        .filter(r -> contractId.equals(TopicReader.key(r))))
                .hasSize(1);
    }

    @Test
    void aBatchAndABinaryModeEventAreAccepted() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        var registration = registration(contractId, "agency-a");
        var account = event(
                "leverwatch.contract.account-registered",
                "2026-01-06T10:00:00Z",
                Map.of(
                        "contractId",
                        contractId,
                        "accountId",
                        "fb-" + contractId,
                        "platform",
                        "FACEBOOK",
                        "label",
                        "Page Facebook",
                        "heldInNameOf",
                        "CLIENT"));
        HttpResponse<String> batch =
                post(KEY_A, "application/cloudevents-batch+json", json(List.of(registration, account)));
        assertThat(batch.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(batch.body()).get("accepted").asInt()).isEqualTo(2);

        HttpRequest binary = HttpRequest.newBuilder(uri("/api/events"))
                .header("Authorization", "Bearer " + KEY_A)
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "https://crm.agency.example")
                .header("ce-type", "leverwatch.contract.terminated")
                .header("ce-time", "2026-03-01T00:00:00Z")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of(
                        "contractId",
                        contractId,
                        "terminatedBy",
                        "CLIENT",
                        "effectiveAt",
                        "2026-03-31T23:59:59Z",
                        "reason",
                        "client ends the contract"))))
                .build();
        HttpResponse<String> response = http.send(binary, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);

        var records =
                contractEvents.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 3, Duration.ofSeconds(30));
        assertThat(records)
                .extracting(r -> TopicReader.json(r).get("type").asText())
                .containsExactly(
                        "leverwatch.contract.registered",
                        "leverwatch.contract.account-registered",
                        "leverwatch.contract.terminated");
    }

    @Test
    void badInputIsRefusedWithAProblemNamingEveryBadField() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contractId", 42);
        data.put("agencyId", "agency-a");
        data.put("startDate", "5 January");
        var event = event("leverwatch.contract.registered", "yesterday", data);

        HttpResponse<String> response = post(KEY_A, "application/cloudevents+json", json(event));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode errors = MAPPER.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .contains(
                        "/time",
                        "/data/contractId",
                        "/data/startDate",
                        "/data/agencyName",
                        "/data/clientId",
                        "/data/clientName",
                        "/data/scope");
    }

    @Test
    void unknownTypesAndUnparseableJsonAreRefused() throws Exception {
        var unknown = event("leverwatch.contract.renamed", "2026-01-05T09:00:00Z", Map.of("contractId", "x"));
        HttpResponse<String> response = post(KEY_A, "application/cloudevents+json", json(unknown));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/type").contains("unknown type");

        var misrouted = event("leverwatch.invoice.issued", "2026-01-05T09:00:00Z", Map.of("invoiceId", "x"));
        assertThat(post(KEY_A, "application/cloudevents+json", json(misrouted)).body())
                .contains("billing-service");

        HttpResponse<String> garbage = post(KEY_A, "application/cloudevents+json", "{\"specversion\": \"1.0\",");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("unparseable JSON");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String huge = "[" + ",".repeat(0) + "\"" + "x".repeat(2_000_000) + "\"]";
        HttpResponse<String> response = post(KEY_A, "application/cloudevents-batch+json", huge);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void keysAreRequiredAndAgenciesOnlyTouchTheirOwnContracts() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        String body = json(registration(contractId, "agency-a"));

        assertThat(post(null, "application/cloudevents+json", body).statusCode())
                .isEqualTo(401);
        assertThat(post("lw_not_a_key", "application/cloudevents+json", body).statusCode())
                .isEqualTo(401);
        assertThat(post(KEY_B, "application/cloudevents+json", body).statusCode())
                .as("agency B registering a contract in agency A's name")
                .isEqualTo(403);
        assertThat(post(KEY_A, "application/cloudevents+json", body).statusCode())
                .isEqualTo(202);

        var termination = event(
                "leverwatch.contract.terminated",
                "2026-02-01T00:00:00Z",
                Map.of(
                        "contractId",
                        contractId,
                        "terminatedBy",
                        "AGENCY",
                        "effectiveAt",
                        "2026-02-01T00:00:00Z",
                        "reason",
                        "hostile"));
        assertThat(post(KEY_B, "application/cloudevents+json", json(termination))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(KEY_B, "/api/contracts/" + contractId).statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/contracts/" + contractId).statusCode()).isEqualTo(401);
    }

    @Test
    void businessRuleViolationsAreProblemsNotServerErrors() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        var account = event(
                "leverwatch.contract.account-registered",
                "2026-01-06T10:00:00Z",
                Map.of(
                        "contractId",
                        contractId,
                        "accountId",
                        "fb-1",
                        "platform",
                        "FACEBOOK",
                        "label",
                        "Page",
                        "heldInNameOf",
                        "CLIENT"));
        HttpResponse<String> orphan = post(KEY_A, "application/cloudevents+json", json(account));
        assertThat(orphan.statusCode()).isEqualTo(422);
        assertThat(orphan.body()).contains("not registered");

        post(KEY_A, "application/cloudevents+json", json(registration(contractId, "agency-a")));
        var termination = event(
                "leverwatch.contract.terminated",
                "2026-02-01T00:00:00Z",
                Map.of(
                        "contractId",
                        contractId,
                        "terminatedBy",
                        "AGENCY",
                        "effectiveAt",
                        "2026-02-01T00:00:00Z",
                        "reason",
                        "end"));
        assertThat(post(KEY_A, "application/cloudevents+json", json(termination))
                        .statusCode())
                .isEqualTo(202);
        termination.put("id", UUID.randomUUID().toString());
        HttpResponse<String> twice = post(KEY_A, "application/cloudevents+json", json(termination));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already terminated");
    }

    @Test
    void theInboundTopicAcceptsEventsAndDeadLettersWhatItCannotAccept() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        try (var producer = producer()) {
            var good = new ProducerRecord<byte[], byte[]>(
                    Topics.INBOUND_CONTRACT,
                    contractId.getBytes(),
                    json(registration(contractId, "agency-a")).getBytes(StandardCharsets.UTF_8));
            good.headers().add("authorization", ("Bearer " + KEY_A).getBytes());
            good.headers().add("content-type", "application/cloudevents+json".getBytes());
            producer.send(good).get();

            var poison = new ProducerRecord<byte[], byte[]>(
                    Topics.INBOUND_CONTRACT, "poison".getBytes(), "not json at all".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("authorization", ("Bearer " + KEY_A).getBytes());
            producer.send(poison).get();

            var anonymous = new ProducerRecord<byte[], byte[]>(
                    Topics.INBOUND_CONTRACT,
                    "anonymous".getBytes(),
                    json(registration("c-" + UUID.randomUUID(), "agency-a")).getBytes(StandardCharsets.UTF_8));
            producer.send(anonymous).get();
        }

        assertThat(contractEvents.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        var dead = deadLetters.awaitMatching(
                r -> "poison".equals(TopicReader.key(r)) || "anonymous".equals(TopicReader.key(r)),
                2,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
        assertThat(dead)
                .anySatisfy(r -> assertThat(TopicReader.header(r, Topics.DLQ_REASON_HEADER))
                        .startsWith("invalid")
                        .contains("unparseable JSON"));
        assertThat(dead)
                .anySatisfy(r -> assertThat(TopicReader.header(r, Topics.DLQ_REASON_HEADER))
                        .startsWith("unauthenticated"));
        assertThat(dead)
                .allSatisfy(
                        r -> assertThat(TopicReader.header(r, "authorization")).isNull());
    }

    @Test
    void eventsPostedWhileTheBrokerIsDownArePublishedWhenItReturns() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        TestInfrastructure.kafka().stop();
        try {
            HttpResponse<String> response =
                    post(KEY_A, "application/cloudevents+json", json(registration(contractId, "agency-a")));
            assertThat(response.statusCode()).isEqualTo(202);
        } finally {
            TestInfrastructure.kafka().start();
        }
        assertThat(contractEvents.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 1, Duration.ofSeconds(120)))
                .hasSize(1);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private HttpResponse<String> post(String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
