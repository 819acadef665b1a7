package io.leverwatch.kit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvent from an agency that passed validation: its attributes, its {@code data} as JSON (valid
 * against the type's schema), and the agency whose key sent it.
 */
public record InboundEvent(String id, String source, String type, Instant time, JsonNode data, String agencyId) {

    public String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public boolean has(String field) {
        return data.hasNonNull(field);
    }
}
