package io.leverwatch.platform;

import static io.leverwatch.platform.faults.FaultStack.Service.ACCESS;
import static io.leverwatch.platform.faults.FaultStack.Service.COMPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.query.AlertProjection;
import io.leverwatch.platform.faults.AccessIngestion;
import io.leverwatch.platform.faults.Await;
import io.leverwatch.platform.faults.ComplianceRecords;
import io.leverwatch.platform.faults.FaultStack;
import io.leverwatch.platform.faults.LeverageWorkload;
import io.leverwatch.platform.faults.NamedTokenOwner;
import io.leverwatch.platform.faults.OutboundFeed;
import io.leverwatch.platform.faults.RunningService;
import io.leverwatch.platform.faults.SeverableLink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Faults during runs of a few thousand events with known expected alerts ({@link LeverageWorkload}), on a real
 * PostgreSQL and Kafka broker of the test's own: the broker restarts, compliance- and access-service restart,
 * PostgreSQL restarts, and one of two compliance instances crashes. Every run must end with each of its events in
 * compliance's inbox once, each expected alert raised exactly once, no other alert, and nothing officers did lost.
 * The figures (when the fault came, how long recovery took) are logged for RELIABILITY.md.
 */
class FaultToleranceIT {

    private static final Logger log = LoggerFactory.getLogger(FaultToleranceIT.class);
    private static final int CONTRACTS = 500;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static FaultStack stack;
    static ComplianceRecords records;

    @BeforeAll
    static void start() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        stack = new FaultStack("faults");
        records = new ComplianceRecords(stack.database());
    }

    /** A failed test must not leave the next one without its broker or database. */
    @AfterEach
    void infrastructureUp() {
        stack.database().start();
        stack.kafka().start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theBrokerStopsMidRunAndComesBackAndEveryEventReachesComplianceOnce() throws Exception {
        LeverageWorkload run = new LeverageWorkload(prefix("kafka"), CONTRACTS);
        int half = CONTRACTS / 2;
        try (RunningService compliance = stack.start(COMPLIANCE);
                RunningService access = stack.start(ACCESS);
                OutboundFeed feed = new OutboundFeed(stack.kafka().bootstrapServers())) {
            AccessIngestion vault = new AccessIngestion(access.port());
            vault.send(run, 0, half);
            feed.contractsAndInvoices(run, 0, half);
            awaitPartOfTheRunInTheInbox(run);

            stack.kafka().stop(); // compliance is still taking in the first half
            int inboxAtStop = records.inboxEvents(run);
            int acceptedBeforeStop = vault.accepted();
            // access-service keeps accepting while the broker is down: its event store is the outbox.
            vault.send(run, half, CONTRACTS);
            int inboxWhileDown = records.inboxEvents(run);
            stack.kafka().start();
            Duration resumed = Await.until(
                    "the inbox grows again", Duration.ofSeconds(60), () -> records.inboxEvents(run) > inboxWhileDown);
            feed.contractsAndInvoices(run, half, CONTRACTS);

            Duration completed = awaitEveryEventAndAlert(run);
            assertEveryExpectedAlertExactlyOnce(run);
            assertThat(vault.accepted()).isEqualTo(accessEvents(run));
            log.info(
                    "FAULT broker restart: stopped with {} of {} events in the inbox; {} access events accepted while it"
                            + " was down; inbox grew again {} after restart; run complete {} after that",
                    inboxAtStop,
                    run.expectedEvents(),
                    vault.accepted() - acceptedBeforeStop,
                    resumed,
                    completed);
        }
    }

    @Test
    void complianceAndAccessServiceRestartMidStreamLosingAndDoublingNothing() throws Exception {
        LeverageWorkload run = new LeverageWorkload(prefix("restart"), CONTRACTS);
        int third = CONTRACTS / 3;
        RunningService compliance = stack.start(COMPLIANCE);
        RunningService access = stack.start(ACCESS);
        try (OutboundFeed feed = new OutboundFeed(stack.kafka().bootstrapServers())) {
            AccessIngestion vault = new AccessIngestion(access.port());
            feed.contractsAndInvoices(run, 0, third);
            vault.send(run, 0, third);
            Await.until(
                    "the first alerts",
                    Duration.ofSeconds(60),
                    () -> records.alertIds(run).size() >= 4);
            List<String> worked = records.alertIds(run).subList(0, 4);
            officer(compliance, worked.get(0), "acknowledge", "");
            officer(compliance, worked.get(1), "acknowledge", "");
            officer(compliance, worked.get(2), "comment", "{\"text\":\"Called the agency\"}");
            officer(compliance, worked.get(3), "comment", "{\"text\":\"Formal notice drafted\"}");

            feed.contractsAndInvoices(run, third, 2 * third);
            compliance.close(); // mid-stream: its inbox is still consuming what was just published
            int inboxAtComplianceStop = records.inboxEvents(run);

            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(vault, run, third, 2 * third));
            Await.until(
                    "access-service accepts part of the second third",
                    Duration.ofSeconds(60),
                    () -> vault.contractsSent() >= third / 3);
            access.close(); // mid-stream: the vault is sending
            int acceptedAtAccessStop = vault.accepted();
            access = stack.restart(access);
            sending.join();
            compliance = stack.restart(compliance);

            feed.contractsAndInvoices(run, 2 * third, CONTRACTS);
            vault.send(run, 2 * third, CONTRACTS);
            Duration completed = awaitEveryEventAndAlert(run);

            assertEveryExpectedAlertExactlyOnce(run);
            assertThat(vault.accepted())
                    .as("every access event accepted exactly once however often it was sent")
                    .isEqualTo(accessEvents(run));
            for (String alert : worked.subList(0, 2)) {
                assertThat(records.alertEvents(alert, "AlertAcknowledged")).isEqualTo(1);
                assertThat(records.status(alert)).isEqualTo("ACKNOWLEDGED");
            }
            for (String alert : worked.subList(2, 4)) {
                assertThat(records.alertEvents(alert, "AlertCommented")).isEqualTo(1);
                assertThat(records.history(alert)).contains("COMMENTED by " + FaultStack.OFFICER);
            }
            log.info(
                    "FAULT service restarts: compliance stopped with {} of {} events in the inbox; access-service"
                            + " stopped after accepting {} access events, the vault retried {} times and got {}"
                            + " duplicates; run complete {} after the last event was sent",
                    inboxAtComplianceStop,
                    run.expectedEvents(),
                    acceptedAtAccessStop,
                    vault.retries(),
                    vault.duplicates(),
                    completed);
        } finally {
            access.close();
            compliance.close();
        }
    }

    @Test
    void postgresRestartsMidRunServicesReportDownAndRecoverByThemselves() throws Exception {
        LeverageWorkload run = new LeverageWorkload(prefix("postgres"), CONTRACTS);
        int half = CONTRACTS / 2;
        try (RunningService compliance = stack.start(COMPLIANCE);
                RunningService access = stack.start(ACCESS);
                OutboundFeed feed = new OutboundFeed(stack.kafka().bootstrapServers())) {
            AccessIngestion vault = new AccessIngestion(access.port());
            vault.send(run, 0, half);
            feed.contractsAndInvoices(run, 0, half);
            awaitPartOfTheRunInTheInbox(run);

            int inboxAtStop = records.inboxEvents(run);
            stack.database().stop(); // compliance is still taking in the first half
            long stoppedAt = System.nanoTime();
            for (RunningService service : List.of(compliance, access)) {
                Await.until(
                        service.service() + " reports DOWN",
                        Duration.ofSeconds(30),
                        () -> health(service).equals("503 DOWN"));
            }
            HttpResponse<String> refused = postOneAccessEvent(access, run, half);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            // Kafka keeps what is published meanwhile; compliance takes it once the database is back.
            feed.contractsAndInvoices(run, half, CONTRACTS);
            Duration outage = Duration.ofNanos(System.nanoTime() - stoppedAt);

            stack.database().start();
            long restartedAt = System.nanoTime();
            Await.until(
                    "compliance reports UP",
                    Duration.ofSeconds(60),
                    () -> health(compliance).equals("200 UP"));
            Duration complianceUp = Duration.ofNanos(System.nanoTime() - restartedAt);
            Await.until(
                    "access reports UP",
                    Duration.ofSeconds(60),
                    () -> health(access).equals("200 UP"));
            Duration accessUp = Duration.ofNanos(System.nanoTime() - restartedAt);
            vault.send(run, half, CONTRACTS);
            Duration completed = awaitEveryEventAndAlert(run);

            assertEveryExpectedAlertExactlyOnce(run);
            assertThat(vault.accepted()).isEqualTo(accessEvents(run));
            log.info(
                    "FAULT postgres restart: down {} with {} of {} events in the inbox; UP again after {} (compliance)"
                            + " and {} (access); run complete {} after the last event was sent",
                    outage,
                    inboxAtStop,
                    run.expectedEvents(),
                    complianceUp,
                    accessUp,
                    completed);
        }
    }

    @Test
    void twoComplianceInstancesShareTheWorkAndOneTakesOverWhenTheOtherCrashes() throws Exception {
        LeverageWorkload run = new LeverageWorkload(prefix("pair"), CONTRACTS);
        int half = CONTRACTS / 2;
        SeverableLink linkOfA = new SeverableLink(stack.database().port());
        RunningService a = stack.start(COMPLIANCE, instance("compliance-a", linkOfA.port()), NamedTokenOwner.class);
        RunningService b = stack.start(
                COMPLIANCE, instance("compliance-b", stack.database().port()), NamedTokenOwner.class);
        try (OutboundFeed feed = new OutboundFeed(stack.kafka().bootstrapServers())) {
            // The first instance claims every segment it has threads for; it hands one over, as an operator would.
            String saga = AccessLeverageSaga.PROCESSING_GROUP;
            Await.until("the saga's two segments are claimed", Duration.ofSeconds(30), () -> {
                Map<Integer, String> owners = records.segmentOwners(saga);
                return owners.size() == 2 && owners.values().stream().allMatch(owner -> owner != null);
            });
            if (new HashSet<>(records.segmentOwners(saga).values()).size() == 1) {
                RunningService holder =
                        "compliance-a".equals(records.segmentOwners(saga).get(1)) ? a : b;
                sagaProcessor(holder).releaseSegment(1);
            }
            Await.until(
                    "each instance holds a saga segment",
                    Duration.ofSeconds(30),
                    () -> new HashSet<>(records.segmentOwners(saga).values())
                            .equals(Set.of("compliance-a", "compliance-b")));

            feed.contractsAndInvoices(run, 0, half);
            feed.accessEvents(run, 0, half);
            Await.until(
                    "a quarter of the run is in the inbox",
                    Duration.ofSeconds(60),
                    () -> records.inboxEvents(run) >= run.expectedEvents() / 4);
            assertThat(new HashSet<>(records.segmentOwners(saga).values()))
                    .as("both instances work the saga")
                    .containsExactlyInAnyOrder("compliance-a", "compliance-b");
            // The consumer group rebalances on its own schedule: each member rejoins at its next poll, after its batch.
            Duration rebalanced = Await.until(
                    "both instances consume the inbox's partitions, nine between them", Duration.ofSeconds(120), () -> {
                        int ofA = inboxPartitions(a);
                        int ofB = inboxPartitions(b);
                        return ofA > 0 && ofB > 0 && ofA + ofB == 9;
                    });
            int partitionsOfA = inboxPartitions(a);

            int inboxAtCrash = records.inboxEvents(run);
            long crashedAt = System.nanoTime();
            linkOfA.cut();
            a.close(); // cannot release its claims: they stay under its name until the claim timeout
            Duration shutdown = Duration.ofNanos(System.nanoTime() - crashedAt);
            Await.until(
                    "compliance-b holds every segment and partition",
                    Duration.ofSeconds(60),
                    () -> onlyOwner(saga, "compliance-b")
                            && onlyOwner(AlertProjection.PROCESSING_GROUP, "compliance-b")
                            && inboxPartitions(b) == 9);
            Duration takeover = Duration.ofNanos(System.nanoTime() - crashedAt);
            feed.contractsAndInvoices(run, half, CONTRACTS);
            feed.accessEvents(run, half, CONTRACTS);
            Duration completed = awaitEveryEventAndAlert(run);

            assertEveryExpectedAlertExactlyOnce(run);
            log.info(
                    "FAULT instance crash: inbox shared {} after a quarter of the run; compliance-a (inbox partitions {} of 9) cut off with {} of {} events in the"
                            + " inbox, its context closed after {}; compliance-b held every segment and partition {}"
                            + " after the crash; run complete {} after the last event",
                    rebalanced,
                    partitionsOfA,
                    inboxAtCrash,
                    run.expectedEvents(),
                    shutdown,
                    takeover,
                    completed);
        } finally {
            b.close();
            a.close();
            linkOfA.close();
        }
    }

    /** Contract ids of their own for each attempt: Failsafe reruns a failed test once, on the same database. */
    private static String prefix(String fault) {
        return fault + "-" + Long.toString(System.nanoTime(), 36) + "-";
    }

    /** One of two compliance instances: its own claim owner and database route, a short claim timeout. */
    private static Map<String, Object> instance(String nodeId, int databasePort) {
        return Map.of(
                "faults.node-id", nodeId,
                "leverwatch.db.url", "jdbc:postgresql://127.0.0.1:" + databasePort + "/leverwatch",
                "axon.eventhandling.tokenstore.claim-timeout", "3s",
                "axon.eventhandling.processors.access-leverage-saga.token-claim-interval", "1000",
                "axon.eventhandling.processors.alert-view.token-claim-interval", "1000",
                "spring.datasource.hikari.connection-timeout", "2000");
    }

    private static boolean onlyOwner(String processor, String owner) {
        return records.segmentOwners(processor).values().stream().allMatch(owner::equals);
    }

    private static StreamingEventProcessor sagaProcessor(RunningService compliance) {
        return compliance
                .bean(EventProcessingConfiguration.class)
                .eventProcessor(AccessLeverageSaga.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static int inboxPartitions(RunningService compliance) {
        var container = (ConcurrentMessageListenerContainer<byte[], byte[]>)
                compliance.context().getBean("inboxContainer");
        return container.getAssignedPartitions().size();
    }

    /** The fault comes mid-run: compliance has taken in a tenth of the events, with the rest of the half to come. */
    private static void awaitPartOfTheRunInTheInbox(LeverageWorkload run) throws InterruptedException {
        Await.until(
                "a tenth of " + run.prefix() + " in the inbox",
                Duration.ofSeconds(60),
                () -> records.inboxEvents(run) >= run.expectedEvents() / 10);
    }

    private static Duration awaitEveryEventAndAlert(LeverageWorkload run) throws InterruptedException {
        return Await.until(
                "every event of " + run.prefix() + " in the inbox and every expected alert",
                RUN_TIMEOUT,
                () -> records.inboxEvents(run) >= run.expectedEvents()
                        && records.alertsPerContract(run).size()
                                >= run.leverageContracts().size());
    }

    /** Each leverage contract has one alert, raised once; no other contract has any; no event is stored twice. */
    private static void assertEveryExpectedAlertExactlyOnce(LeverageWorkload run) {
        assertThat(records.inboxEvents(run)).isEqualTo(run.expectedEvents());
        Map<String, Integer> alerts = records.alertsPerContract(run);
        assertThat(alerts.keySet()).containsExactlyInAnyOrderElementsOf(run.leverageContracts());
        assertThat(alerts.values()).containsOnly(1);
        Map<String, Integer> raised = records.raisedPerAlert(run);
        assertThat(raised).hasSize(run.leverageContracts().size());
        assertThat(raised.values()).as("AlertRaised events per alert").containsOnly(1);
    }

    private static int accessEvents(LeverageWorkload run) {
        return run.contracts() + run.leverageContracts().size();
    }

    private static void send(AccessIngestion vault, LeverageWorkload run, int from, int to) {
        try {
            vault.send(run, from, to);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET /actuator/health, public: "status-code STATUS". */
    private static String health(RunningService service) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String status = MAPPER.readTree(response.body()).path("status").asText();
        return response.statusCode() + " " + status;
    }

    private static HttpResponse<String> postOneAccessEvent(RunningService access, LeverageWorkload run, int i)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + access.port() + "/api/events"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + FaultStack.KEY)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(run.accessCloudEvents(i))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An officer's action on the alert API (HTTP Basic); it must be accepted. */
    private static void officer(RunningService compliance, String alertId, String action, String body)
            throws Exception {
        String credentials = FaultStack.OFFICER + ":" + FaultStack.OFFICER_PASSWORD;
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + compliance.port() + "/api/alerts/" + alertId + "/" + action))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(action + " " + alertId + ": " + response.body())
                .isBetween(200, 299);
    }
}
