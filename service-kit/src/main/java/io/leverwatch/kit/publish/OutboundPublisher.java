package io.leverwatch.kit.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the service's domain events to its outbound topic as structured CloudEvents keyed by contract
 * id. It runs as a tracking processor over the event store, which is the outbox: an event is published
 * only once stored, and if Kafka is down the processor stops, retries with back-off and resumes where it
 * was, so nothing stored is lost. A redelivery after a crash carries the same CloudEvent id.
 */
@ProcessingGroup(OutboundPublisher.PROCESSING_GROUP)
public class OutboundPublisher {

    public static final String PROCESSING_GROUP = "outbound-publisher";

    private static final Logger log = LoggerFactory.getLogger(OutboundPublisher.class);
    private static final EventFormat FORMAT = new JsonFormat();

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ObjectMapper mapper;
    private final PublicationGate gate;
    private final String topic;
    private final URI source;
    private final Counter published;

    public OutboundPublisher(
            KafkaTemplate<byte[], byte[]> kafka,
            ObjectMapper mapper,
            PublicationGate gate,
            String topic,
            String service,
            MeterRegistry registry) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.gate = gate;
        this.topic = topic;
        this.source = URI.create("urn:leverwatch:" + service);
        this.published = Counter.builder("leverwatch.publish.published")
                .tag("topic", topic)
                .register(registry);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        PublicationGate.Decision decision = gate.decide(payload, message);
        if (decision instanceof PublicationGate.Publish publish) {
            publish(payload, message.getIdentifier(), message.getMetaData(), publish.contractId());
        } else if (decision instanceof PublicationGate.Hold hold) {
            log.info("holding {} {}: {}", payload.getClass().getSimpleName(), message.getIdentifier(), hold.reason());
        }
    }

    /** Sends one event and waits for the broker's acknowledgement; throws if it does not come. */
    public void publish(Object payload, String eventId, Map<String, ?> metaData, String contractId) {
        Optional<String> type = EventCatalog.typeOf(payload.getClass());
        if (type.isEmpty()) {
            return;
        }
        CloudEvent event = toCloudEvent(payload, type.get(), eventId, metaData, contractId);
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, contractId.getBytes(StandardCharsets.UTF_8), FORMAT.serialize(event));
        record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        MDC.put("contractId", contractId);
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
            published.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + eventId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + eventId + " to " + topic + ": " + e.getMessage(), e);
        } finally {
            MDC.remove("contractId");
        }
    }

    private CloudEvent toCloudEvent(
            Object payload, String type, String eventId, Map<String, ?> metaData, String contractId) {
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + payload.getClass().getSimpleName(), e);
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(source)
                .withType(type)
                .withSubject(contractId)
                .withTime(EventFields.occurredAt(payload).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .withExtension(Topics.EXT_CONTRACT_ID, contractId);
        putExtension(builder, Topics.EXT_ORIGIN_ID, metaData.get(MetaDataKeys.CE_ID));
        putExtension(builder, Topics.EXT_ORIGIN_SOURCE, metaData.get(MetaDataKeys.CE_SOURCE));
        putExtension(builder, Topics.EXT_AGENCY_ID, metaData.get(MetaDataKeys.AGENCY_ID));
        return builder.build();
    }

    private static void putExtension(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }
}
