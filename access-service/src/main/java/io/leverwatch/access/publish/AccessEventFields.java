package io.leverwatch.access.publish;

import java.lang.reflect.RecordComponent;

/** Reads the {@code accountId} every published access record carries, by name. */
final class AccessEventFields {

    static String accountId(Object payload) {
        if (!payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("accountId")) {
                try {
                    return (String) component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the account of " + payload, e);
                }
            }
        }
        return null;
    }

    private AccessEventFields() {}
}
