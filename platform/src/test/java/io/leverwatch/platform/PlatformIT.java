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
        platform = new Platform(new PlatformSettings(data, 0, 0, 31000)).start();
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
