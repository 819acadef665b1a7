package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leverwatch.compliance.inbox.Inbox;
import io.leverwatch.compliance.inbox.InboxDeadLetters;
import io.leverwatch.compliance.inbox.InboxEvent;
import io.leverwatch.compliance.inbox.InboxMetaData;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.ops.ProcessorMetrics;
import io.leverwatch.kit.test.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the inbox cannot read goes to compliance's dead-letter topic, and the consumer goes on. */
class InboxIT extends ComplianceIntegrationTest {

    @Autowired
    Inbox inbox;

    @Autowired
    EventStore eventStore;

    @Test
    void unreadableRecordsAreDeadLetteredAndTheNextEventIsStillRead() throws Exception {
        String contractId = "c-" + UUID.randomUUID();
        // Same key, so same partition: the good event queues behind the three bad ones.
        send(contractId, "not json at all");
        send(contractId, cloudEvent("leverwatch.access.teleported", "{\"contractId\":\"" + contractId + "\"}"));
        send(
                contractId,
                cloudEvent(
                        "leverwatch.access.requested",
                        "{\"accountId\":\"fb-1\",\"occurredAt\":\"2026-04-02T09:00:00Z\"}"));
        Published good =
                services.publish(new LegalCase(contractId).accessEvents().get(2), LegalCase.AGENCY);

        try (TopicReader deadLetters = new TopicReader(InboxDeadLetters.TOPIC)) {
            var dead = deadLetters.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 3, PATIENCE);
            assertThat(dead)
                    .extracting(r -> TopicReader.header(r, Topics.DLQ_REASON_HEADER))
                    .satisfiesExactly(
                            reason -> assertThat(reason).startsWith("unparseable"),
                            reason -> assertThat(reason).startsWith("unknown-type"),
                            reason -> assertThat(reason).startsWith("no-contract"));
            assertThat(dead)
                    .allSatisfy(r -> assertThat(TopicReader.header(r, Topics.DLQ_ORIGIN_TOPIC_HEADER))
                            .isEqualTo(Topics.ACCESS_EVENTS));
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!inbox.contains(good.eventId()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(inbox.contains(good.eventId())).isTrue();
    }

    @Test
    void theStoreReportsARedeliveredIdAsAConflictAndTheInboxDropsIt() {
        String contractId = "c-" + UUID.randomUUID();
        var event = new InboxEvent(
                UUID.randomUUID().toString(),
                new LegalCase(contractId).contractEvents().get(0),
                Map.of(InboxMetaData.CONTRACT_ID, contractId),
                Instant.parse("2026-05-01T12:00:00Z"));

        assertThat(inbox.append(event)).isEqualTo(Inbox.Outcome.APPENDED);
        // What the JDBC storage engine says of a duplicate id: the inbox relies on it.
        assertThatThrownBy(() -> eventStore.publish(event.toMessage())).isInstanceOf(ConcurrencyException.class);
        assertThat(inbox.append(event)).isEqualTo(Inbox.Outcome.DUPLICATE);
    }

    @Test
    void theLagOfEveryTopicIsAMetric() throws Exception {
        var response = get(null, "/actuator/metrics/leverwatch.inbox.lag");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("availableTags").toString())
                .contains(Topics.CONTRACT_EVENTS, Topics.BILLING_EVENTS, Topics.ACCESS_EVENTS);
    }

    @Test
    void theProcessorsMetricsAreTheOnesWithAOneMinuteCapacityWindow(@Autowired GlobalMetricRegistry metrics) {
        // Axon's own registry would keep every event's handling time for ten minutes (BENCHMARKS.md: 150 MiB at
        // 100,000 contracts); the window itself is ProcessorMetricsTest's.
        assertThat(metrics).isInstanceOf(ProcessorMetrics.class);
    }

    private void send(String key, String value) throws Exception {
        kafka.send(new ProducerRecord<>(
                        Topics.ACCESS_EVENTS,
                        key.getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)))
                .get();
    }

    private static String cloudEvent(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"urn:leverwatch:access-service\","
                + "\"type\":\"" + type
                + "\",\"time\":\"2026-04-02T09:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }
}
