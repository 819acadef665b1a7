package io.leverwatch.compliance.inbox;

import static io.leverwatch.compliance.testing.LegalCase.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.events.Topics;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.billing.InvoiceOverdue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** What the inbox makes of the records the services publish, and of records it must refuse. */
class InboxRecordReaderTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final ObjectMapper mapper = ServicePublishers.bootMapper();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer());
    private final ServicePublishers services =
            new ServicePublishers(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), mapper);
    private final InboxRecordReader reader = new InboxRecordReader(mapper, Clock.fixed(NOW, ZoneOffset.UTC));
    private final LegalCase legalCase = new LegalCase("c-1");

    @Test
    void readsAPublishedEventWithItsOriginalIdAndTheAgencysSource() {
        Object refusal = legalCase.accessEvents().get(3);
        Published published = services.publish(refusal, LegalCase.AGENCY);

        InboxEvent event = reader.read(lastRecord());

        assertThat(event.eventId()).isEqualTo(published.eventId());
        assertThat(event.payload()).isEqualTo(refusal);
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.metaData())
                .containsEntry(InboxMetaData.SOURCE, ServicePublishers.AGENCY_SOURCE)
                .containsEntry(InboxMetaData.CE_TYPE, "leverwatch.access.request-refused")
                .containsEntry(InboxMetaData.CONTRACT_ID, "c-1")
                .containsEntry(
                        InboxMetaData.BUSINESS_TIME,
                        ((AccessRequestRefused) refusal).occurredAt().toString())
                .containsEntry(InboxMetaData.RECEIVED_AT, NOW.toString())
                .containsEntry(InboxMetaData.AGENCY_ID, LegalCase.AGENCY)
                .containsEntry(InboxMetaData.PUBLISHED_BY, "urn:leverwatch:access-service")
                .containsKey(InboxMetaData.ORIGIN_ID);
        assertThat(event.toMessage().getIdentifier()).isEqualTo(published.eventId());
        assertThat(event.toMessage().getTimestamp()).isEqualTo(NOW);
    }

    @Test
    void aFactTheServiceDerivedComesFromThatService() {
        InvoiceOverdue overdue = (InvoiceOverdue) legalCase.overdueEvents().get(0);
        services.publishDerived(overdue);

        InboxEvent event = reader.read(lastRecord());

        assertThat(event.payload()).isEqualTo(overdue);
        assertThat(event.payload()).extracting("outstanding.amount").hasToString("1800.00");
        assertThat(event.metaData())
                .containsEntry(InboxMetaData.SOURCE, "urn:leverwatch:billing-service")
                .doesNotContainKey(InboxMetaData.ORIGIN_ID);
    }

    @Test
    void takesTheContractFromTheExtensionWhenTheRecordLeavesItOut() {
        CredentialsChanged change = new CredentialsChanged(
                "fb-1", null, Actor.AGENCY, false, ChangeReason.UNSPECIFIED, at("2026-04-01T08:00:00Z"));
        services.publishFor("c-1", change, LegalCase.AGENCY);

        InboxEvent event = reader.read(lastRecord());

        assertThat(((CredentialsChanged) event.payload()).contractId()).isEqualTo("c-1");
        assertThat(event.contractId()).isEqualTo("c-1");
    }

    @Test
    void refusesWhatIsNotACloudEvent() {
        assertUnreadable(record("not json at all"), "unparseable");
        assertUnreadable(record("{\"specversion\":\"1.0\",\"id\":\"x\"}"), "unparseable");
    }

    @Test
    void refusesAnUnknownType() {
        assertUnreadable(cloudEvent("leverwatch.contract.renamed", "c-1", "{\"contractId\":\"c-1\"}"), "unknown-type");
    }

    @Test
    void refusesAnEventThatNamesNoContract() {
        String data = "{\"accountId\":\"fb-1\",\"changedBy\":\"AGENCY\",\"ownerRetainsAccess\":false,"
                + "\"reason\":\"UNSPECIFIED\",\"occurredAt\":\"2026-04-01T08:00:00Z\"}";
        assertUnreadable(cloudEvent("leverwatch.access.credentials-changed", null, data), "no-contract");
    }

    @Test
    void refusesAnEventWhoseDataNamesAnotherContract() {
        String data = "{\"invoiceId\":\"i-1\",\"contractId\":\"c-2\",\"occurredAt\":\"2026-04-01T08:00:00Z\"}";
        assertUnreadable(cloudEvent("leverwatch.invoice.formal-notice-sent", "c-1", data), "contract-mismatch");
    }

    @Test
    void refusesDataThatIsNotTheTypesRecord() {
        String data = "{\"invoiceId\":\"i-1\",\"contractId\":\"c-1\",\"amount\":{\"amount\":\"lots\","
                + "\"currency\":\"EUR\"},\"occurredAt\":\"2026-04-01T08:00:00Z\"}";
        assertUnreadable(cloudEvent("leverwatch.invoice.issued", "c-1", data), "invalid-data");
    }

    @Test
    void refusesAnEventWithoutAFieldTheSagaNeeds() {
        String data = "{\"accountId\":\"fb-1\",\"contractId\":\"c-1\",\"revokedBy\":\"AGENCY\","
                + "\"occurredAt\":\"2026-04-01T08:00:00Z\"}";
        assertThatThrownBy(() -> reader.read(cloudEvent("leverwatch.access.revoked", "c-1", data)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("data.role is missing");
    }

    @Test
    void acceptsARefusalWithoutTheOptionalStatement() {
        String data = "{\"accountId\":\"fb-1\",\"contractId\":\"c-1\",\"reason\":\"PAYMENT_PENDING\","
                + "\"occurredAt\":\"2026-04-02T15:00:00Z\"}";
        InboxEvent event = reader.read(cloudEvent("leverwatch.access.request-refused", "c-1", data));

        assertThat(((AccessRequestRefused) event.payload()).statement()).isNull();
    }

    @Test
    void takesTheBusinessTimeFromTheEventWhenTheDataLacksIt() {
        String data = "{\"invoiceId\":\"i-1\",\"contractId\":\"c-1\"}";
        InboxEvent event = reader.read(cloudEvent("leverwatch.invoice.formal-notice-sent", "c-1", data));

        assertThat(event.metaData()).containsEntry(InboxMetaData.BUSINESS_TIME, "2026-04-01T08:00:00Z");
    }

    private void assertUnreadable(ConsumerRecord<byte[], byte[]> record, String reason) {
        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOf(UnreadableRecordException.class)
                .satisfies(e ->
                        assertThat(((UnreadableRecordException) e).reason()).isEqualTo(reason));
    }

    private ConsumerRecord<byte[], byte[]> cloudEvent(String type, String contractId, String data) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(URI.create("urn:leverwatch:billing-service"))
                .withType(type)
                .withTime(OffsetDateTime.parse("2026-04-01T08:00:00Z"))
                .withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8));
        if (contractId != null) {
            builder.withExtension(Topics.EXT_CONTRACT_ID, contractId);
        }
        return new ConsumerRecord<>(Topics.BILLING_EVENTS, 0, 0, null, new JsonFormat().serialize(builder.build()));
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>(Topics.ACCESS_EVENTS, 0, 0, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private ConsumerRecord<byte[], byte[]> lastRecord() {
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        ProducerRecord<byte[], byte[]> last = sent.get(sent.size() - 1);
        return new ConsumerRecord<>(
                last.topic(),
                0,
                sent.size() - 1,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                last.key(),
                last.value(),
                last.headers(),
                Optional.empty());
    }
}
