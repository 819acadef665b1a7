package io.leverwatch.compliance.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.publish.EventFields;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a record of an outbound topic ({@code leverwatch.{contract,billing,access}.events}) as the
 * {@link InboxEvent} to store: a CloudEvent in structured mode as the services publish it (binary mode is read too),
 * whose {@code data} is the events-api record of its {@code type}.
 *
 * <p>Everything the processors rely on is checked here, because an event the saga cannot handle would stop its
 * segment: the type is known, the data is the type's record, the contract is named (in the {@code contractid}
 * extension or the data, and the same in both), the business time is known and no required field is missing.
 */
public class InboxRecordReader {

    // The CloudEvents SDK's own mapper reads numbers in data as doubles ("1800.00" would become 1800.0): this one
    // keeps every amount exactly as published.
    private static final ObjectMapper STRUCTURED = JsonMapper.builder()
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Fields the public contract marks optional (DESIGN §2); every other field must be there. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of("statement");

    private final ObjectMapper mapper;
    private final ObjectReader exactTree;
    private final Clock clock;

    public InboxRecordReader(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        // Amounts keep their scale ("1800.00" stays 1800.00) on their way through the tree.
        this.exactTree = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.clock = clock;
    }

    /** @throws UnreadableRecordException if the record is not a published event compliance can store */
    public InboxEvent read(ConsumerRecord<byte[], byte[]> record) {
        CloudEvent event = cloudEvent(record);
        Class<?> recordClass = EventCatalog.recordFor(event.getType())
                .orElseThrow(
                        () -> new UnreadableRecordException("unknown-type", "no record for type " + event.getType()));
        ObjectNode data = data(event);
        String contractId = contractId(event, data);
        if (isMissing(data.get("occurredAt"))) {
            if (event.getTime() == null) {
                throw new UnreadableRecordException("no-time", "neither time nor data.occurredAt is given");
            }
            data.put("occurredAt", event.getTime().toInstant().toString());
        }
        Object payload = payload(data, recordClass, event.getType());
        Instant businessTime = EventFields.occurredAt(payload);
        Instant receivedAt = clock.instant();

        Map<String, String> metaData = new HashMap<>();
        String originSource = extension(event, Topics.EXT_ORIGIN_SOURCE);
        metaData.put(
                InboxMetaData.SOURCE,
                originSource != null ? originSource : event.getSource().toString());
        metaData.put(InboxMetaData.CE_TYPE, event.getType());
        metaData.put(InboxMetaData.CONTRACT_ID, contractId);
        metaData.put(InboxMetaData.BUSINESS_TIME, businessTime.toString());
        metaData.put(InboxMetaData.RECEIVED_AT, receivedAt.toString());
        metaData.put(InboxMetaData.PUBLISHED_BY, event.getSource().toString());
        putIfPresent(metaData, InboxMetaData.ORIGIN_ID, extension(event, Topics.EXT_ORIGIN_ID));
        putIfPresent(metaData, InboxMetaData.AGENCY_ID, extension(event, Topics.EXT_AGENCY_ID));
        return new InboxEvent(event.getId(), payload, metaData, receivedAt);
    }

    private static CloudEvent cloudEvent(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null && record.headers().lastHeader("ce_specversion") == null) {
            throw new UnreadableRecordException("unparseable", "the record has no value");
        }
        try {
            return record.headers().lastHeader("ce_specversion") != null
                    ? KafkaMessageFactory.createReader(record).toEvent()
                    : STRUCTURED.readValue(record.value(), CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableRecordException("unparseable", "not a CloudEvent: " + e.getMessage());
        }
    }

    private ObjectNode data(CloudEvent event) {
        if (event.getData() == null) {
            throw new UnreadableRecordException("no-data", "the event has no data");
        }
        try {
            JsonNode data = event.getData() instanceof JsonCloudEventData json
                    ? json.getNode().deepCopy()
                    : exactTree.readTree(event.getData().toBytes());
            if (data instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new UnreadableRecordException("unparseable", "data is not JSON: " + e.getMessage());
        }
        throw new UnreadableRecordException("invalid-data", "data is not a JSON object");
    }

    // Published events name their contract in the extension; an access event's data may lack it (DESIGN §2).
    private static String contractId(CloudEvent event, ObjectNode data) {
        String fromExtension = extension(event, Topics.EXT_CONTRACT_ID);
        JsonNode fromData = data.get("contractId");
        if (isMissing(fromData)) {
            if (fromExtension == null || fromExtension.isBlank()) {
                throw new UnreadableRecordException(
                        "no-contract", "neither the contractid extension nor data.contractId");
            }
            data.put("contractId", fromExtension);
            return fromExtension;
        }
        if (fromExtension != null && !fromExtension.equals(fromData.asText())) {
            throw new UnreadableRecordException(
                    "contract-mismatch", "contractid " + fromExtension + " but data.contractId " + fromData.asText());
        }
        return fromData.asText();
    }

    private Object payload(ObjectNode data, Class<?> recordClass, String type) {
        Object payload;
        try {
            payload = mapper.treeToValue(data, recordClass);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new UnreadableRecordException(
                    "invalid-data", "data is not a " + type + " record: " + firstLine(e.getMessage()));
        }
        requireComponents(payload, type);
        return payload;
    }

    // The saga reads every field but the optional ones; a missing one would fail it again on every retry.
    private static void requireComponents(Object payload, String type) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (OPTIONAL_FIELDS.contains(component.getName())) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(payload) == null) {
                    throw new UnreadableRecordException(
                            "invalid-data", "data." + component.getName() + " is missing in a " + type + " event");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + type, e);
            }
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static boolean isMissing(JsonNode node) {
        return node == null
                || node.isNull()
                || (node.isTextual() && node.asText().isBlank());
    }

    private static void putIfPresent(Map<String, String> metaData, String key, String value) {
        if (value != null) {
            metaData.put(key, value);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
