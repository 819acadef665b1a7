package io.leverwatch.kit.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds structured-mode CloudEvents as JSON for tests, the way an agency's system would send them. */
public final class CloudEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Map<String, Object> event(String type, String time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "https://billing.agency.example/test");
        event.put("type", type);
        event.put("time", time);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CloudEvents() {}
}
