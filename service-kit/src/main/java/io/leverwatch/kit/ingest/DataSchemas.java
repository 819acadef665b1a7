package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.leverwatch.events.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The JSON Schemas of events-api, loaded once, and their verdicts turned into messages an integrator
 * can act on ("amount: must not be negative", "currency: unknown currency code").
 */
public class DataSchemas {

    private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\$[^:]*: ");

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public boolean exists(String type) {
        return DataSchemas.class.getResource(EventTypes.schemaResource(type)) != null;
    }

    public Optional<String> text(String type) {
        try (InputStream in = DataSchemas.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates {@code data} of {@code type}; errors point below {@code /data}. */
    public List<FieldError> validate(String type, JsonNode data, String eventId) {
        JsonSchema schema = schemas.computeIfAbsent(type, this::load);
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(data)) {
            errors.add(toFieldError(message, data, eventId));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return errors;
    }

    private JsonSchema load(String type) {
        try (InputStream in = DataSchemas.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + type);
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldError toFieldError(ValidationMessage message, JsonNode data, String eventId) {
        String pointer = "/data" + toPointer(message.getInstanceLocation().toString());
        String keyword = message.getType();
        String property = message.getProperty();
        switch (keyword) {
            case "required":
                return new FieldError(join(pointer, property), "is required", eventId);
            case "additionalProperties":
                return new FieldError(join(pointer, property), "is not a field of this event type", eventId);
            default:
                break;
        }
        JsonNode value = data.at(pointer.substring("/data".length()));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        String text = value.isTextual() ? value.asText() : value.toString();
        String detail;
        if ("pattern".equals(keyword) && "amount".equals(field)) {
            detail = text.startsWith("-")
                    ? "must not be negative (got \"" + text + "\")"
                    : "must be a positive decimal string such as \"1200.00\" (got " + quoted(value) + ")";
        } else if ("enum".equals(keyword) && "currency".equals(field)) {
            detail = "unknown currency \"" + text + "\": use an ISO 4217 code such as EUR";
        } else if ("format".equals(keyword)) {
            detail = message.getMessage().contains("date-time")
                    ? "must be an RFC 3339 date-time such as 2026-04-01T09:00:00Z (got " + quoted(value) + ")"
                    : "must be an ISO-8601 date such as 2026-04-01 (got " + quoted(value) + ")";
        } else {
            detail = LOCATION_PREFIX.matcher(message.getMessage()).replaceFirst("");
        }
        return new FieldError(pointer, detail, eventId);
    }

    private static String quoted(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String join(String pointer, String property) {
        return property == null ? pointer : pointer + "/" + property;
    }

    /** networknt reports {@code $.a.b[0]}; problems speak JSON Pointer: {@code /a/b/0}. */
    static String toPointer(String location) {
        String path = location.startsWith("$") ? location.substring(1) : location;
        return path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
