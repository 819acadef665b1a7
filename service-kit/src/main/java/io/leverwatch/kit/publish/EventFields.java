package io.leverwatch.kit.publish;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the fields every published record shares ({@code contractId}, {@code occurredAt}) by name. */
public final class EventFields {

    private static final Map<String, RecordComponent> COMPONENTS = new ConcurrentHashMap<>();

    public static String contractId(Object payload) {
        Object value = read(payload, "contractId");
        return value == null ? null : value.toString();
    }

    public static Instant occurredAt(Object payload) {
        return (Instant) read(payload, "occurredAt");
    }

    private static Object read(Object payload, String name) {
        RecordComponent component =
                COMPONENTS.computeIfAbsent(payload.getClass().getName() + "#" + name, key -> {
                    if (!payload.getClass().isRecord()) {
                        return null;
                    }
                    for (RecordComponent c : payload.getClass().getRecordComponents()) {
                        if (c.getName().equals(name)) {
                            return c;
                        }
                    }
                    return null;
                });
        if (component == null) {
            return null;
        }
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read " + name + " of " + payload.getClass().getSimpleName(), e);
        }
    }

    private EventFields() {}
}
