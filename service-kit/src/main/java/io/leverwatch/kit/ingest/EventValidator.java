package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.events.EventTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one structured-mode CloudEvent: the required attributes of CloudEvents 1.0, that its type is
 * one this service owns, and its {@code data} against the type's schema. It reports every problem, not
 * the first.
 */
public class EventValidator {

    private static final int MAX_ATTRIBUTE_LENGTH = 512;
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-");

    private final Set<String> ownTypes;
    private final DataSchemas schemas;
    private final String serviceName;

    public EventValidator(Set<String> ownTypes, DataSchemas schemas, String serviceName) {
        this.ownTypes = Set.copyOf(ownTypes);
        this.schemas = schemas;
        this.serviceName = serviceName;
    }

    /** The valid event, or {@link InvalidEventsException} naming every bad field. */
    public InboundEvent validate(JsonNode node, String agencyId) {
        List<FieldError> errors = check(node);
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return new InboundEvent(
                node.get("id").asText(),
                node.get("source").asText(),
                node.get("type").asText(),
                OffsetDateTime.parse(node.get("time").asText()).toInstant(),
                node.get("data"),
                agencyId);
    }

    public List<FieldError> check(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("/", "a CloudEvent must be a JSON object", null));
            return errors;
        }
        String id = requireString(node, "id", errors);
        JsonNode specversion = node.get("specversion");
        if (specversion == null || specversion.isNull()) {
            errors.add(new FieldError("/specversion", "is required (\"1.0\")", id));
        } else if (!"1.0".equals(specversion.asText()) || !specversion.isTextual()) {
            errors.add(new FieldError("/specversion", "must be \"1.0\" (got " + specversion + ")", id));
        }
        String source = requireString(node, "source", errors);
        if (source != null) {
            try {
                new URI(source);
            } catch (URISyntaxException e) {
                errors.add(
                        new FieldError("/source", "must be a URI-reference (got \"" + abbreviate(source) + "\")", id));
            }
        }
        String type = requireString(node, "type", errors);
        boolean typeKnown = false;
        if (type != null) {
            if (ownTypes.contains(type)) {
                typeKnown = true;
            } else {
                errors.add(new FieldError("/type", unknownType(type), id));
            }
        }
        String time = requireString(node, "time", errors);
        if (time != null && !FOUR_DIGIT_YEAR.matcher(time).lookingAt()) {
            errors.add(new FieldError(
                    "/time",
                    "must be an RFC 3339 date-time with a four-digit year, such as 2026-04-01T09:00:00Z (got \""
                            + abbreviate(time) + "\")",
                    id));
        } else if (time != null) {
            try {
                Instant parsed = OffsetDateTime.parse(time).toInstant();
                if (parsed.getEpochSecond() < 0) {
                    errors.add(new FieldError("/time", "must be after 1970 (got \"" + abbreviate(time) + "\")", id));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(
                        "/time",
                        "must be an RFC 3339 date-time with an offset, such as 2026-04-01T09:00:00Z (got \""
                                + abbreviate(time) + "\")",
                        id));
            }
        }
        JsonNode contentType = node.get("datacontenttype");
        if (contentType != null && !contentType.isNull() && !isJson(contentType.asText())) {
            errors.add(new FieldError(
                    "/datacontenttype",
                    "must be application/json (got \"" + abbreviate(contentType.asText()) + "\")",
                    id));
        }
        if (node.has("data_base64")) {
            errors.add(new FieldError("/data_base64", "binary data is not accepted: send data as JSON", id));
        }
        JsonNode data = node.get("data");
        if (data == null || data.isNull()) {
            errors.add(new FieldError("/data", "is required", id));
        } else if (!data.isObject()) {
            errors.add(new FieldError("/data", "must be a JSON object", id));
        } else if (typeKnown) {
            errors.addAll(schemas.validate(type, data, id));
            unstorableText(data, "/data", id, errors);
        }
        return errors;
    }

    /**
     * Text in {@code data} that cannot be stored as it was sent: PostgreSQL's text and jsonb hold no NUL
     * character, and UTF-8 has no encoding for half a surrogate pair. Accepted, such an event would be altered or
     * fail on its way downstream.
     */
    private static void unstorableText(JsonNode node, String pointer, String id, List<FieldError> errors) {
        if (node.isTextual() && !storable(node.textValue())) {
            errors.add(new FieldError(pointer, "must not hold a NUL character or an unpaired surrogate", id));
        } else if (node.isObject()) {
            node.properties()
                    .forEach(field -> unstorableText(
                            field.getValue(), pointer + "/" + escapePointer(field.getKey()), id, errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorableText(node.get(i), pointer + "/" + i, id, errors);
            }
        }
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || unpairedSurrogate(text, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters CloudEvents forbids in a String attribute: control characters (U+0000-U+001F, U+007F-U+009F)
     * and surrogate code points that do not form a pair.
     */
    private static boolean validAttributeText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i)) || unpairedSurrogate(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String escapePointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private String unknownType(String type) {
        String owner = EventTypes.CONTRACT.contains(type)
                ? "contract-service"
                : EventTypes.BILLING.contains(type)
                        ? "billing-service"
                        : EventTypes.ACCESS.contains(type) ? "access-service" : null;
        return owner == null
                ? "unknown type \"" + abbreviate(type) + "\": see the types listed at /schemas"
                : "type \"" + type + "\" is handled by " + owner + ", not " + serviceName + ": send it there";
    }

    private static String requireString(JsonNode node, String attribute, List<FieldError> errors) {
        JsonNode value = node.get(attribute);
        String id = node.hasNonNull("id")
                        && node.get("id").isTextual()
                        && validAttributeText(node.get("id").asText())
                ? node.get("id").asText()
                : null;
        if (value == null || value.isNull()) {
            errors.add(new FieldError("/" + attribute, "is required", id));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(
                    "/" + attribute,
                    "must be a string (got " + value.getNodeType().name().toLowerCase() + ")",
                    id));
            return null;
        }
        String text = value.asText();
        if (text.isBlank()) {
            errors.add(new FieldError("/" + attribute, "must not be empty", id));
            return null;
        }
        if (text.length() > MAX_ATTRIBUTE_LENGTH) {
            errors.add(new FieldError("/" + attribute, "must be at most " + MAX_ATTRIBUTE_LENGTH + " characters", id));
            return null;
        }
        if (!validAttributeText(text)) {
            errors.add(new FieldError("/" + attribute, "must not hold control characters or unpaired surrogates", id));
            return null;
        }
        return text;
    }

    private static boolean isJson(String contentType) {
        String base = contentType.split(";")[0].trim().toLowerCase();
        return base.equals("application/json") || base.endsWith("+json");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
