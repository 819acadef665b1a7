package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.compliance.testing.ServicePublishers;
import io.leverwatch.kit.test.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * compliance-service on a real PostgreSQL and a real Kafka broker, in embedded mode with three demo users. The
 * services are played by the kit's own {@code OutboundPublisher}, so what the inbox reads is byte for byte what they
 * publish. Every test works on contracts of its own, so the tests share one application context.
 */
@SpringBootTest(
        classes = ComplianceServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=compliance-service",
            "leverwatch.embedded=true",
            // One contract a slice: a replay of everything then runs several slices on several threads.
            "leverwatch.compliance.replay.contracts-per-read=1",
            "leverwatch.demo-users[0]=officer=" + ComplianceIntegrationTest.OFFICER_PASSWORD,
            "leverwatch.demo-users[1]=operator=" + ComplianceIntegrationTest.OPERATOR_PASSWORD,
            "leverwatch.demo-users[2]=auditor=" + ComplianceIntegrationTest.AUDITOR_PASSWORD
        })
abstract class ComplianceIntegrationTest {

    static final String OFFICER_PASSWORD = "officer-test-password";
    static final String OPERATOR_PASSWORD = "operator-test-password";
    static final String AUDITOR_PASSWORD = "auditor-test-password";
    static final String OFFICER = "officer:" + OFFICER_PASSWORD;
    static final String OPERATOR = "operator:" + OPERATOR_PASSWORD;
    static final String AUDITOR = "auditor:" + AUDITOR_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("leverwatchKafkaTemplate")
    KafkaTemplate<byte[], byte[]> kafka;

    @Autowired
    ObjectMapper springMapper;

    ServicePublishers services;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeEach
    void publishers() {
        services = new ServicePublishers(kafka, springMapper);
    }

    /** Polls the contract's alerts until there is exactly one and it satisfies the condition. */
    JsonNode awaitAlert(String contractId, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(OFFICER, "/api/alerts?contractId=" + contractId);
            last = response.body();
            if (response.statusCode() == 200) {
                JsonNode alerts = JSON.readTree(last).get("alerts");
                if (alerts.size() == 1 && condition.test(alerts.get(0))) {
                    return alerts.get(0);
                }
            }
            Thread.sleep(250);
        }
        return fail("no alert as expected for " + contractId + " within " + PATIENCE + "; last answer: " + last);
    }

    JsonNode alerts(String query) throws Exception {
        HttpResponse<String> response = get(OFFICER, "/api/alerts?" + query);
        return JSON.readTree(response.body()).get("alerts");
    }

    HttpResponse<String> get(String credentials, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        authorize(request, credentials);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String credentials, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorize(request, credentials);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void authorize(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
