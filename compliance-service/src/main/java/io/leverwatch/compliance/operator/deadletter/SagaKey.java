package io.leverwatch.compliance.operator.deadletter;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * What makes a saga type routable by key ({@link DeadLetteringSagaManager}): every one of its handlers starts it, with
 * the same association. Then every event it handles names the saga's key, and Axon creates the saga in the segment
 * that key hashes into.
 */
final class SagaKey {

    private SagaKey() {}

    /**
     * @return the association key every handler of the type uses
     * @throws IllegalArgumentException if a handler does not start the saga, or uses another association
     */
    static String of(Class<?> sagaType) {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type = sagaType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                SagaEventHandler handler = method.getAnnotation(SagaEventHandler.class);
                if (handler == null) {
                    continue;
                }
                if (!method.isAnnotationPresent(StartSaga.class)) {
                    throw new IllegalArgumentException(sagaType.getSimpleName() + "." + method.getName()
                            + " does not start the saga: it cannot be routed by a key");
                }
                keys.add(handler.keyName().isEmpty() ? handler.associationProperty() : handler.keyName());
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the handlers of " + sagaType.getSimpleName()
                    + " must all start it with one association to route it by key, not " + keys);
        }
        return keys.iterator().next();
    }
}
