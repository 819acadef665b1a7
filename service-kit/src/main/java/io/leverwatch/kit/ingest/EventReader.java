package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.message.MessageReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what was sent into the JSON form of structured-mode CloudEvents, whatever the mode: structured
 * ({@code application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}) or binary
 * (attributes in {@code ce-*} headers, read with the CloudEvents SDK). Validation comes after, on one form.
 */
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** Binary mode: the SDK reads the attributes from the transport's headers, the body is {@code data}. */
    public JsonNode binary(MessageReader reader) {
        CloudEvent event;
        try {
            event = reader.toEvent();
        } catch (RuntimeException e) {
            throw invalid("/", "not a readable binary-mode CloudEvent: " + e.getMessage());
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", event.getSpecVersion().toString());
        node.put("id", event.getId());
        node.put("source", event.getSource() == null ? null : event.getSource().toString());
        node.put("type", event.getType());
        if (event.getTime() != null) {
            node.put("time", event.getTime().toString());
        }
        if (event.getDataContentType() != null) {
            node.put("datacontenttype", event.getDataContentType());
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            node.put(name, value == null ? null : value.toString());
        }
        CloudEventData data = event.getData();
        if (data != null) {
            node.set("data", parse(data.toBytes(), "/data"));
        }
        return node;
    }

    private JsonNode parse(byte[] body, String at) {
        if (body == null || body.length == 0) {
            throw invalid(at.isEmpty() ? "/" : at, "the body is empty");
        }
        requireUtf8(body, at);
        try {
            JsonNode node = mapper.readTree(body);
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
