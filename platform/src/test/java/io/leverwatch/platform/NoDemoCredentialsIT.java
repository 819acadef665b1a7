package io.leverwatch.platform;

import static io.leverwatch.kit.test.CloudEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.contract.ContractServiceApplication;
import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.TestInfrastructure;
import io.leverwatch.kit.test.AgencySystem;
import io.leverwatch.kit.test.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Outside the embedded mode there is no credential but those an administrator creates. compliance-service and
 * contract-service start as in production, on a database of their own, and are even handed the demo keys and users
 * the embedded platform would pass (as a careless configuration might): without {@code leverwatch.embedded=true} none
 * of them gets in, the key and user tables stay empty, and metrics are not public.
 */
class NoDemoCredentialsIT {

    static final String DEMO_KEY = "lw_demo_key_that_must_not_work_0123456789";
    static final String DEMO_PASSWORD = "demo-password-that-must-not-work";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static ConfigurableApplicationContext compliance;
    static ConfigurableApplicationContext contract;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void startAsInProduction() throws Exception {
        EmbeddedDatabase server = TestInfrastructure.database();
        String database = "no_demo_" + ProcessHandle.current().pid();
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            connection.createStatement().execute("create database " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database;
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, server.username(), server.password()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("leverwatch.db.url", url);
        settings.put("leverwatch.db.user", server.username());
        settings.put("leverwatch.db.password", server.password());
        settings.put("leverwatch.kafka.bootstrap-servers", RealInfrastructure.bootstrapServers());
        settings.put("leverwatch.demo-keys", DemoAgencies.AGENCY_PIXEL + "=" + DEMO_KEY);
        settings.put(
                "leverwatch.demo-users",
                "officer=" + DEMO_PASSWORD + ",operator=" + DEMO_PASSWORD + ",auditor=" + DEMO_PASSWORD);
        settings.put("server.port", "0");
        compliance = start(ComplianceServiceApplication.builder(), settings);
        contract = start(ContractServiceApplication.builder(), settings);
    }

    @AfterAll
    static void stop() {
        if (contract != null) {
            contract.close();
        }
        if (compliance != null) {
            compliance.close();
        }
    }

    static Stream<Arguments> demoUsers() {
        return Stream.of(Arguments.of("officer"), Arguments.of("operator"), Arguments.of("auditor"));
    }

    @ParameterizedTest(name = "demo user {0} cannot sign in")
    @MethodSource("demoUsers")
    void noDemoUserSignsIn(String user) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> alerts = HTTP.send(
                HttpRequest.newBuilder(uri(compliance, "/api/alerts"))
                        .header("Authorization", "Basic " + basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(alerts.statusCode()).isEqualTo(401);
    }

    @Test
    void noDemoKeySendsOrReads() throws Exception {
        var registration = event(
                "leverwatch.contract.registered",
                "2026-01-05T09:00:00Z",
                Map.of(
                        "contractId", "c-no-demo",
                        "agencyId", DemoAgencies.AGENCY_PIXEL,
                        "agencyName", "Agence Pixel",
                        "clientId", "client-1",
                        "clientName", "Client",
                        "scope", "web",
                        "startDate", "2026-01-05"));

        assertThat(AgencySystem.post(port(contract), DEMO_KEY, registration).statusCode())
                .isEqualTo(401);
        HttpResponse<String> read = HTTP.send(
                HttpRequest.newBuilder(uri(contract, "/api/contracts/c-no-demo"))
                        .header("Authorization", "Bearer " + DEMO_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(401);
    }

    @Test
    void thereIsNoKeyAndNoUserAtAll() {
        assertThat(jdbc.queryForObject("select count(*) from identity.api_key", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from compliance.compliance_user", Integer.class))
                .isZero();
    }

    @Test
    void metricsAreNotPublic() throws Exception {
        for (ConfigurableApplicationContext service : new ConfigurableApplicationContext[] {compliance, contract}) {
            HttpResponse<String> metrics = HTTP.send(
                    HttpRequest.newBuilder(uri(service, "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(
            SpringApplicationBuilder builder, Map<String, String> settings) {
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return builder.registerShutdownHook(false).run(args);
    }

    private static int port(ConfigurableApplicationContext service) {
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    private static URI uri(ConfigurableApplicationContext service, String path) {
        return URI.create("http://127.0.0.1:" + port(service) + path);
    }
}
