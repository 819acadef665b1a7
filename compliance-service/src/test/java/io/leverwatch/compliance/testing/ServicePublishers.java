package io.leverwatch.compliance.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.publish.EventFields;
import io.leverwatch.kit.publish.MetaDataKeys;
import io.leverwatch.kit.publish.OutboundPublisher;
import io.leverwatch.kit.publish.PublicationGate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events-api records exactly as the three services do: through the kit's {@link OutboundPublisher}, as
 * structured CloudEvents on their outbound topics, keyed by contract id, with the agency's origin.
 */
public final class ServicePublishers {

    public static final String AGENCY_SOURCE = "https://erp.agence-pixel.example";

    /** One event as published: sending it again is a redelivery (same id, same bytes). */
    public record Published(Object payload, String eventId, Map<String, Object> metaData, String contractId) {}

    private final OutboundPublisher contract;
    private final OutboundPublisher billing;
    private final OutboundPublisher access;

    public ServicePublishers(KafkaTemplate<byte[], byte[]> kafka, ObjectMapper mapper) {
        PublicationGate gate = (payload, message) -> new PublicationGate.Publish(EventFields.contractId(payload));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        contract = new OutboundPublisher(kafka, mapper, gate, Topics.CONTRACT_EVENTS, "contract-service", registry);
        billing = new OutboundPublisher(kafka, mapper, gate, Topics.BILLING_EVENTS, "billing-service", registry);
        access = new OutboundPublisher(kafka, mapper, gate, Topics.ACCESS_EVENTS, "access-service", registry);
    }

    /** Spring Boot's ObjectMapper settings, which the services publish with. */
    public static ObjectMapper bootMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Publishes a fact the agency sent (it has an origin id and source) under a new event id. */
    public Published publish(Object payload, String agencyId) {
        return publishFor(EventFields.contractId(payload), payload, agencyId);
    }

    /** Publishes a fact the service derived itself (billing's overdue): no agency origin. */
    public Published publishDerived(Object payload) {
        return send(new Published(payload, UUID.randomUUID().toString(), Map.of(), EventFields.contractId(payload)));
    }

    /** Publishes with the contract in the CloudEvent extension only (the record leaves it null). */
    public Published publishFor(String contractId, Object payload, String agencyId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.CE_ID, "agency-" + UUID.randomUUID());
        metaData.put(MetaDataKeys.CE_SOURCE, AGENCY_SOURCE);
        metaData.put(MetaDataKeys.AGENCY_ID, agencyId);
        return send(new Published(payload, UUID.randomUUID().toString(), metaData, contractId));
    }

    public Published send(Published published) {
        publisherOf(published.payload())
                .publish(published.payload(), published.eventId(), published.metaData(), published.contractId());
        return published;
    }

    private OutboundPublisher publisherOf(Object payload) {
        String pkg = payload.getClass().getPackageName();
        if (pkg.endsWith(".contract")) {
            return contract;
        }
        return pkg.endsWith(".billing") ? billing : access;
    }
}
