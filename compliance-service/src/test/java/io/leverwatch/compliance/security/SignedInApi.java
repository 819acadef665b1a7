package io.leverwatch.compliance.security;

import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.kit.test.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * compliance-service on the real PostgreSQL and Kafka broker, in embedded mode with one demo user per role, called
 * over real HTTP as an officer's tools do (HTTP Basic). The context is closed after each class, as the other
 * packages' compliance tests do, so that its processors do not hold claims other contexts need.
 */
@SpringBootTest(
        classes = ComplianceServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=compliance-service",
            "leverwatch.embedded=true",
            "leverwatch.demo-users[0]=officer=" + SignedInApi.PASSWORD,
            "leverwatch.demo-users[1]=operator=" + SignedInApi.PASSWORD,
            "leverwatch.demo-users[2]=auditor=" + SignedInApi.PASSWORD
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SignedInApi {

    static final String PASSWORD = "security-test-password";

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    /** Calls the API as {@code user} (null: anonymously), with a JSON body when there is one. */
    HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String credentials = user + ":" + PASSWORD;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
