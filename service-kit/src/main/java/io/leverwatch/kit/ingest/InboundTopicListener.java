package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.leverwatch.events.Topics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the service's inbound topic. A record is one CloudEvent in structured mode, a batch, or one
 * event in binary mode ({@code ce_*} headers), authenticated by an {@code authorization: Bearer <key>}
 * header. What cannot be accepted is dead-lettered with its reason; a failure of our own (the database
 * is down) is thrown, so the record is retried, never skipped.
 */
public class InboundTopicListener {

    private static final Logger log = LoggerFactory.getLogger(InboundTopicListener.class);
    private static final int MAX_DEAD_LETTER_ERRORS = 100;

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
        List<InboundEvent> events;
        try {
            events = read(record, agency.get());
        } catch (InvalidEventsException e) {
            reject(record, "invalid", e.errors());
            return;
        } catch (RuntimeException e) {
            // Reading and validating depend on the record alone: what fails here would fail on every retry and
            // hold up the partition for ever.
            log.warn("unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
            reject(record, "invalid", List.of(new FieldError("/", "unreadable record: " + e.getMessage(), null)));
            return;
        }
        try {
            pipeline.accept(events, "kafka");
        } catch (PartiallyAcceptedException e) {
            // The events before the refused one are accepted; redriving this record finds them as duplicates.
            rejectRefusal(record, e.refusal());
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
            nodes = List.of(reader.binary(() -> KafkaMessageFactory.createReader(record)));
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

    /**
     * Dead-letters the record with its first {@value #MAX_DEAD_LETTER_ERRORS} errors: a batch of thousands of bad
     * events has more errors than a Kafka record can carry, and a dead letter that cannot be sent is retried for ever.
     */
    private void reject(ConsumerRecord<byte[], byte[]> record, String reason, List<FieldError> errors) {
        metrics.rejected("kafka", reason);
        String json;
        try {
            json = mapper.writeValueAsString(errors.stream()
                    .limit(MAX_DEAD_LETTER_ERRORS)
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        } catch (Exception e) {
            json = "[]";
        }
        String more = errors.size() > MAX_DEAD_LETTER_ERRORS
                ? " (and " + (errors.size() - 1) + " more problems, the first " + MAX_DEAD_LETTER_ERRORS + " in "
                        + Topics.DLQ_ERRORS_HEADER + ")"
                : "";
        deadLetters.send(
                record,
                reason + ": " + errors.get(0).field() + " " + errors.get(0).message() + more,
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
