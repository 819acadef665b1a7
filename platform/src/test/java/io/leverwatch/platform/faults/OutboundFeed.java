package io.leverwatch.platform.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes onto the services' outbound topics what contract-, billing- and access-service would publish for a
 * workload's contracts (structured CloudEvents keyed by contract id, as the bench does), so compliance can be fed
 * without running those services. Each event gets a fixed id, so writing it again is a redelivery.
 */
public final class OutboundFeed implements AutoCloseable {

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<byte[], byte[]> producer;

    public OutboundFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5));
    }

    /** Contract and billing events of contracts [from, to), flushed: they are on the broker when this returns. */
    public void contractsAndInvoices(LeverageWorkload run, int from, int to) {
        for (int i = from; i < to; i++) {
            publish(Topics.CONTRACT_EVENTS, run.contract(i), run.contractEvents(i));
            publish(Topics.BILLING_EVENTS, run.contract(i), run.billingEvents(i));
        }
        producer.flush();
    }

    /** Access events of contracts [from, to), as access-service publishes them, flushed. */
    public void accessEvents(LeverageWorkload run, int from, int to) {
        for (int i = from; i < to; i++) {
            publish(Topics.ACCESS_EVENTS, run.contract(i), run.accessEvents(i));
        }
        producer.flush();
    }

    private void publish(String topic, String contractId, List<Object> payloads) {
        for (int n = 0; n < payloads.size(); n++) {
            Object payload = payloads.get(n);
            String type = EventCatalog.typeOf(payload.getClass()).orElseThrow();
            var event = CloudEventBuilder.v1()
                    .withId("fault-" + contractId + "-" + topic + "-" + n)
                    .withSource(URI.create("urn:leverwatch:fault-test"))
                    .withType(type)
                    .withSubject(contractId)
                    .withTime(occurredAt(payload).atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json(payload))
                    .withExtension(Topics.EXT_CONTRACT_ID, contractId)
                    .withExtension(Topics.EXT_ORIGIN_SOURCE, "https://erp.agence-pixel.example")
                    .build();
            var record =
                    new ProducerRecord<>(topic, contractId.getBytes(StandardCharsets.UTF_8), FORMAT.serialize(event));
            record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }

    private static Instant occurredAt(Object payload) {
        try {
            return (Instant) payload.getClass().getMethod("occurredAt").invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(payload.getClass() + " has no occurredAt", e);
        }
    }

    private static byte[] json(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
