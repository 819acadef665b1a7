package io.leverwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.publish.EventFields;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the three services publish on their outbound topics, made from an events-api record: a structured CloudEvent
 * keyed by contract, with the contract, agency and original event in its extensions.
 */
final class CloudEventRecords {

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final byte[] CONTENT_TYPE = JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CloudEventRecords() {}

    static ProducerRecord<byte[], byte[]> of(HistoryGenerator.Published published, String agencyId) {
        Object payload = published.payload();
        String type = EventCatalog.typeOf(payload.getClass()).orElseThrow();
        byte[] data;
        try {
            data = MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("urn:leverwatch:bench"))
                .withType(type)
                .withSubject(published.contractId())
                .withTime(EventFields.occurredAt(payload).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .withExtension(Topics.EXT_CONTRACT_ID, published.contractId())
                .withExtension(Topics.EXT_AGENCY_ID, agencyId)
                .withExtension(Topics.EXT_ORIGIN_ID, UUID.randomUUID().toString())
                .withExtension(Topics.EXT_ORIGIN_SOURCE, "https://erp.bench.example")
                .build();
        var record = new ProducerRecord<>(
                published.topic(), published.contractId().getBytes(StandardCharsets.UTF_8), FORMAT.serialize(event));
        record.headers().add("content-type", CONTENT_TYPE);
        return record;
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144));
    }
}
