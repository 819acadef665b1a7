package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.inbox.Inbox;
import io.leverwatch.compliance.inbox.InboxDeadLetters;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.test.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Poison records on an outbound topic, beyond those of {@link InboxIT}: JSON cut short, a known type whose data is
 * not that type's record (in structured and in binary mode), a record with a required field missing. Each goes to
 * compliance's dead-letter topic with its reason, and the consumer goes on to the good event queued behind them.
 */
class InboxPoisonIT extends ComplianceIntegrationTest {

    @Autowired
    Inbox inbox;

    @Test
    void recordsOfATypeTheInboxCannotReadAreDeadLetteredWithTheirReasonAndTheConsumerGoesOn() throws Exception {
        LegalCase legalCase = new LegalCase("c-poison-" + UUID.randomUUID());
        String contractId = legalCase.contractId;
        // Same key, so same partition as the good event published last: it queues behind the four bad ones.
        send(contractId, "{\"specversion\":\"1.0\",\"id\":\"cut-short\",\"type\":", null);
        send(contractId, structured(invoiceData(contractId, "\"amount\":\"lots\"")), null);
        send(contractId, invoiceData(contractId, "\"amount\":{\"amount\":true,\"currency\":\"EUR\"}"), binaryHeaders());
        send(contractId, structured("{\"invoiceId\":\"PIX-9\",\"contractId\":\"" + contractId + "\"}"), null);
        Published good = services.publish(legalCase.billingEvents().get(0), LegalCase.AGENCY);

        try (TopicReader deadLetters = new TopicReader(InboxDeadLetters.TOPIC)) {
            var dead = deadLetters.awaitMatching(r -> contractId.equals(TopicReader.key(r)), 4, PATIENCE);
            assertThat(dead)
                    .extracting(r -> TopicReader.header(r, Topics.DLQ_REASON_HEADER))
                    .satisfiesExactly(
                            reason -> assertThat(reason).startsWith("unparseable"),
                            reason -> assertThat(reason)
                                    .startsWith("invalid-data")
                                    .contains(EventTypes.INVOICE_ISSUED),
                            reason -> assertThat(reason).startsWith("invalid-data"),
                            reason -> assertThat(reason)
                                    .startsWith("invalid-data")
                                    .contains("is missing"));
            assertThat(dead).allSatisfy(r -> {
                assertThat(TopicReader.header(r, Topics.DLQ_ORIGIN_TOPIC_HEADER))
                        .isEqualTo(Topics.BILLING_EVENTS);
                assertThat(TopicReader.header(r, Topics.DLQ_ORIGIN_OFFSET_HEADER))
                        .isNotBlank();
            });
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!inbox.contains(good.eventId()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(inbox.contains(good.eventId())).isTrue();
    }

    private static String invoiceData(String contractId, String amount) {
        return "{\"invoiceId\":\"PIX-9-" + contractId + "\",\"contractId\":\"" + contractId + "\"," + amount
                + ",\"issuedOn\":\"2026-01-05\",\"dueOn\":\"2026-02-04\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}";
    }

    private static String structured(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"urn:leverwatch:billing-service\",\"type\":\"" + EventTypes.INVOICE_ISSUED
                + "\",\"time\":\"2026-01-05T09:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + data
                + "}";
    }

    private static String[][] binaryHeaders() {
        return new String[][] {
            {"ce_specversion", "1.0"},
            {"ce_id", UUID.randomUUID().toString()},
            {"ce_source", "urn:leverwatch:billing-service"},
            {"ce_type", EventTypes.INVOICE_ISSUED},
            {"ce_time", "2026-01-05T09:00:00Z"},
            {"content-type", "application/json"}
        };
    }

    private void send(String key, String value, String[][] headers) throws Exception {
        var record = new ProducerRecord<>(
                Topics.BILLING_EVENTS, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        if (headers != null) {
            for (String[] header : headers) {
                record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        kafka.send(record).get();
    }
}
