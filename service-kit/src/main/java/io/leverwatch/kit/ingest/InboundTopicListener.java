package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.leverwatch.kit.security.ApiKeys;
import io.leverwatch.kit.web.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Consumes the service's inbound topic. A record is one CloudEvent in structured mode, a batch, or one
 * event in binary mode ({@code ce_*} headers), authenticated by an {@code authorization: Bearer <key>}
 * header. What cannot be accepted is dead-lettered with its reason; a failure of our own (the database
 * is down) is thrown, so the record is retried, never skipped.
 */
public class InboundTopicListener {

    private final EventReader reader;
    private final EventValidator validator;
    private final IngestionPipeline pipeline;
    private final ApiKeys keys;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final ObjectMapper mapper;

    public InboundTopicListener(
            EventReader reader,
            EventValidator validator,
            IngestionPipeline pipeline,
            ApiKeys keys,
            DeadLetters deadLetters,
            IngestMetrics metrics,
            ObjectMapper mapper) {
        this.reader = reader;
        this.validator = validator;
        this.pipeline = pipeline;
        this.keys = keys;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        Optional<String> agency = header(record, "authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .flatMap(keys::agencyOf);
        if (agency.isEmpty()) {
            reject(
                    record,
                    "unauthenticated",
                    List.of(new FieldError(
                            "/headers/authorization", "a valid agency key is required as 'Bearer <key>'", null)));
            return;
        }
        try {
            List<InboundEvent> events = read(record, agency.get());
            pipeline.accept(events, "kafka");
        } catch (PartiallyAcceptedException e) {
            // The events before the refused one are accepted; redriving this record finds them as duplicates.
            rejectRefusal(record, e.refusal());
        } catch (InvalidEventsException e) {
            reject(record, "invalid", e.errors());
        } catch (ForbiddenEventException e) {
            reject(record, "forbidden", List.of(new FieldError("/data/contractId", e.getMessage(), e.eventId())));
        } catch (DomainRejection e) {
            reject(record, "rejected", List.of(new FieldError("/", e.getMessage(), null)));
        } catch (AggregateNotFoundException e) {
            reject(
                    record,
                    "rejected",
                    List.of(new FieldError("/", "nothing is recorded under id " + e.getAggregateIdentifier(), null)));
        }
    }

    private void rejectRefusal(ConsumerRecord<byte[], byte[]> record, RuntimeException refusal) {
        if (refusal instanceof ForbiddenEventException e) {
            reject(record, "forbidden", List.of(new FieldError("/data/contractId", e.getMessage(), e.eventId())));
        } else if (refusal instanceof DomainRejection e) {
            reject(record, "rejected", List.of(new FieldError("/", e.getMessage(), null)));
        } else if (refusal instanceof AggregateNotFoundException e) {
            reject(
                    record,
                    "rejected",
                    List.of(new FieldError("/", "nothing is recorded under id " + e.getAggregateIdentifier(), null)));
        } else {
            throw refusal;
        }
    }

    private List<InboundEvent> read(ConsumerRecord<byte[], byte[]> record, String agencyId) {
        List<JsonNode> nodes;
        boolean batch = false;
        if (header(record, "ce_specversion").isPresent()) {
            nodes = List.of(reader.binary(KafkaMessageFactory.createReader(record)));
        } else if (header(record, "content-type")
                .map(c -> c.startsWith("application/cloudevents-batch+json"))
                .orElse(false)) {
            nodes = reader.batch(record.value());
            batch = true;
        } else {
            nodes = List.of(reader.structured(record.value()));
        }
        List<FieldError> errors = new ArrayList<>();
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String prefix = batch ? "/" + i : "";
            List<FieldError> found = validator.check(nodes.get(i));
            found.forEach(e -> errors.add(e.prefixed(prefix)));
            if (found.isEmpty()) {
                events.add(validator.validate(nodes.get(i), agencyId));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return events;
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, String reason, List<FieldError> errors) {
        metrics.rejected("kafka", reason);
        String json;
        try {
            json = mapper.writeValueAsString(errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        } catch (Exception e) {
            json = "[]";
        }
        deadLetters.send(
                record,
                reason + ": " + errors.get(0).field() + " " + errors.get(0).message(),
                json);
    }

    private static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        for (Header header : record.headers()) {
            if (header.key().equalsIgnoreCase(name) && header.value() != null) {
                return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
