package io.leverwatch.compliance.operator.deadletter;

import java.util.Set;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Runs each event handler of the given components in a {@link Savepoints savepoint}. Axon's dead-lettering invoker
 * catches a handler's failure inside the processor's transaction and writes the dead letter there; on PostgreSQL a
 * failed statement would have left that transaction refusing the write, so without the savepoint a database error
 * in a projection would stop it (the batch retried for ever) instead of parking one sequence.
 */
public class SavepointPerHandler implements HandlerEnhancerDefinition {

    private final Set<Class<?>> components;
    private final Savepoints savepoints;

    public SavepointPerHandler(Set<Class<?>> components, Savepoints savepoints) {
        this.components = Set.copyOf(components);
        this.savepoints = savepoints;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!components.contains(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object[] result = new Object[1];
                savepoints.run(() -> result[0] = super.handle(message, target));
                return result[0];
            }
        };
    }
}
