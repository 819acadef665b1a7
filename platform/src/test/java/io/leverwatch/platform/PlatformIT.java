package io.leverwatch.platform;

import static io.leverwatch.kit.test.CloudEvents.event;
import static io.leverwatch.kit.test.CloudEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded platform as a new user meets it: one JVM, real PostgreSQL and Kafka, four services. */
class PlatformIT {

    static Platform platform;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path data = Path.of(
                System.getProperty("java.io.tmpdir"),
                "platform-" + ProcessHandle.current().pid());
        platform = new Platform(new PlatformSettings(data, 0, 0, 31000, true)).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDemoAgencyRegistersAContractThatIsReadableAndPublished() throws Exception {
        String key = platform.demo().keyOf(DemoAgencies.AGENCY_PIXEL);
        String contractId = "first-" + UUID.randomUUID();
        var registration = event(
                "leverwatch.contract.registered",
                "2026-01-05T09:00:00Z",
                Map.of(
                        "contractId",
                        contractId,
                        "agencyId",
                        DemoAgencies.AGENCY_PIXEL,
                        "agencyName",
                        "Agence Pixel",
                        "clientId",
                        "client-1",
                        "clientName",
                        "Client",
                        "scope",
                        "web",
                        "startDate",
                        "2026-01-05"));

        HttpResponse<String> posted = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port("contract") + "/api/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/cloudevents+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(registration)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);

        HttpResponse<String> read = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + platform.port("contract") + "/api/contracts/" + contractId))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(contractId);

        try (TopicReader topic =
                new TopicReader(Topics.CONTRACT_EVENTS, platform.kafka().bootstrapServers())) {
            assertThat(topic.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
        }
    }

    @Test
    void theDemoCaseEndsAsOneCriticalLeverageAlert() throws Exception {
        String officer = "officer:" + platform.demo().users().get("officer");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(officer.getBytes());
        com.fasterxml.jackson.databind.JsonNode alerts = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port("compliance")
                                    + "/api/alerts?contractId=" + DemoCase.CONTRACT))
                            .header("Authorization", basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            alerts = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(response.body())
                    .get("alerts");
            if (alerts.size() > 0
                    && "CRITICAL".equals(alerts.get(0).get("severity").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(alerts).hasSize(1);
        var alert = alerts.get(0);
        assertThat(alert.get("rule").asText()).isEqualTo("ACCESS_LEVERAGE_OVER_UNPAID_INVOICES");
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("overdueInvoices")).hasSize(2);
        assertThat(alert.at("/recommendation/immediateAction").asText()).isEqualTo("RESTORE_ACCESS");
        assertThat(alert.at("/recommendation/procedures").findValuesAsText("code"))
                .contains("MISE_EN_DEMEURE", "INJONCTION_DE_PAYER", "REFERE_PROVISION");
    }

    @Test
    void restoringAccessResolvesTheAlertAndTheStreamShowsBothChanges() throws Exception {
        String contract = "stream-" + UUID.randomUUID();
        java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var stream = HTTP.sendAsync(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + platform.port("compliance") + "/api/alerts/stream"))
                        .header("Authorization", officer())
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        Thread.sleep(500);

        new DemoCase(platform, contract, contract + "-").load();
        awaitLine(lines, contract, "\"status\":\"OPEN\"");

        String key = platform.demo().keyOf(DemoAgencies.AGENCY_PIXEL);
        for (String account : new String[] {contract + "-fb", contract + "-x"}) {
            var restored = event(
                    "leverwatch.access.restored",
                    "2026-04-20T10:00:00Z",
                    Map.of("accountId", account, "means", "HANDOVER"));
            HttpResponse<String> posted = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port("access") + "/api/events"))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/cloudevents+json")
                            .POST(HttpRequest.BodyPublishers.ofString(json(restored)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
        }
        awaitLine(lines, contract, "\"status\":\"RESOLVED\"");
        stream.cancel(true);
    }

    private static void awaitLine(java.util.List<String> lines, String contract, String fragment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.stream()
                        .anyMatch(l -> l.startsWith("data:") && l.contains(contract) && l.contains(fragment))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no SSE data line for " + contract + " with " + fragment);
    }

    private static String officer() {
        String credentials = "officer:" + platform.demo().users().get("officer");
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes());
    }

    @Test
    void everyServiceAnswersItsHealthCheck() throws Exception {
        for (String service : new String[] {"contract", "billing", "access", "compliance"}) {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + platform.port(service) + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service).isEqualTo(200);
        }
    }
}
