package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads what was sent into the JSON form of structured-mode CloudEvents, whatever the mode: structured
 * ({@code application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}) or binary
 * (attributes in {@code ce-*} headers, read with the CloudEvents SDK). Validation comes after, on one form.
 */
public class EventReader {

    private final ObjectMapper mapper;

    /**
     * Refuses what a lenient parser would read one way and another system another way: a second value after the
     * event, or a field given twice.
     */
    private final ObjectReader strict;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.strict = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    public JsonNode structured(byte[] body) {
        JsonNode node = parse(body, "");
        if (!node.isObject()) {
            throw invalid(
                    "/",
                    "a CloudEvent must be a JSON object (for several events, send a batch: "
                            + "Content-Type application/cloudevents-batch+json)");
        }
        return node;
    }

    public List<JsonNode> batch(byte[] body) {
        JsonNode node = parse(body, "");
        if (!node.isArray()) {
            throw invalid("/", "a batch must be a JSON array of CloudEvents");
        }
        if (node.isEmpty()) {
            throw invalid("/", "a batch must hold at least one CloudEvent");
        }
        List<JsonNode> events = new ArrayList<>();
        node.forEach(events::add);
        return events;
    }

    /**
     * Binary mode: the SDK reads the attributes from the transport's headers, the body is {@code data}. They are
     * copied as sent, without the SDK's own checks, so that the validator names every wrong attribute as it does in
     * structured mode. The transport's reader is created here: creating it already reads the spec version.
     */
    public JsonNode binary(Supplier<MessageReader> transport) {
        try {
            return transport.get().read(version -> new BinaryAttributes(version, mapper.createObjectNode()));
        } catch (CloudEventRWException e) {
            boolean version = e.getKind() == CloudEventRWException.CloudEventRWExceptionKind.INVALID_SPEC_VERSION;
            throw invalid(version ? "/specversion" : "/", "not a readable binary-mode CloudEvent: " + e.getMessage());
        }
    }

    /** Collects a binary-mode event's attributes as the strings that were sent, and parses its data as JSON. */
    private final class BinaryAttributes implements CloudEventWriter<JsonNode> {

        private final ObjectNode node;

        BinaryAttributes(SpecVersion version, ObjectNode node) {
            this.node = node;
            node.put("specversion", version.toString());
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, String value) {
            if (!name.equals("specversion")) {
                node.put(name, value);
            }
            return this;
        }

        @Override
        public JsonNode end(CloudEventData data) {
            node.set("data", parse(data.toBytes(), "/data"));
            return node;
        }

        @Override
        public JsonNode end() {
            return node;
        }
    }

    private JsonNode parse(byte[] body, String at) {
        if (body == null || body.length == 0) {
            throw invalid(at.isEmpty() ? "/" : at, "the body is empty");
        }
        requireUtf8(body, at);
        try {
            JsonNode node = strict.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid(at.isEmpty() ? "/" : at, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw invalid(at.isEmpty() ? "/" : at, "unparseable JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(at.isEmpty() ? "/" : at, "unreadable body: " + e.getMessage());
        }
    }

    private static void requireUtf8(byte[] body, String at) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw invalid(at.isEmpty() ? "/" : at, "the body is not valid UTF-8");
        }
    }

    private static InvalidEventsException invalid(String field, String message) {
        return new InvalidEventsException(List.of(new FieldError(field, message, null)));
    }
}
