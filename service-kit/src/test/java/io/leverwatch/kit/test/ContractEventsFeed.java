package io.leverwatch.kit.test;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays contract-service in the tests of the services downstream of it: publishes its events on
 * {@code leverwatch.contract.events} exactly as its OutboundPublisher does (structured CloudEvent, the record as
 * JSON {@code data}, keyed by contract).
 */
public final class ContractEventsFeed {

    public static void registerContract(String contractId, String agencyId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contractId", contractId);
        data.put("agencyId", agencyId);
        data.put("agencyName", "Agence Pixel");
        data.put("clientId", "client-martin");
        data.put("clientName", "Boulangerie Martin");
        data.put("scope", "community management");
        data.put("startDate", "2026-01-05");
        data.put("occurredAt", "2026-01-05T09:00:00Z");
        publish(EventTypes.CONTRACT_REGISTERED, contractId, agencyId, data, "2026-01-05T09:00:00Z");
    }

    public static void registerAccount(String contractId, String agencyId, String accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contractId", contractId);
        data.put("agencyId", agencyId);
        data.put("accountId", accountId);
        data.put("platform", "FACEBOOK");
        data.put("label", "Page Facebook");
        data.put("heldInNameOf", "CLIENT");
        data.put("occurredAt", "2026-01-06T10:00:00Z");
        publish(EventTypes.ACCOUNT_REGISTERED, contractId, agencyId, data, "2026-01-06T10:00:00Z");
    }

    private static void publish(
            String type, String contractId, String agencyId, Map<String, Object> data, String time) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("urn:leverwatch:contract-service"))
                .withType(type)
                .withSubject(contractId)
                .withTime(OffsetDateTime.parse(time))
                .withDataContentType("application/json")
                .withData(CloudEvents.json(data).getBytes(StandardCharsets.UTF_8))
                .withExtension(Topics.EXT_CONTRACT_ID, contractId)
                .withExtension(Topics.EXT_ORIGIN_ID, UUID.randomUUID().toString())
                .withExtension(Topics.EXT_ORIGIN_SOURCE, "https://crm.agency.example")
                .withExtension(Topics.EXT_AGENCY_ID, agencyId)
                .build();
        var record = new ProducerRecord<>(
                Topics.CONTRACT_EVENTS, contractId.getBytes(StandardCharsets.UTF_8), new JsonFormat().serialize(event));
        record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type + " of " + contractId, e);
        }
    }

    private ContractEventsFeed() {}
}
