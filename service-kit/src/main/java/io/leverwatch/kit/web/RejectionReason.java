package io.leverwatch.kit.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A business rule that refused a command, as a constant of a service's {@code Reason} enum. A reason marked
 * {@link Conflict} is answered 409; any other, a request wrong in itself, 422.
 */
public interface RejectionReason {

    /** The request is well formed, but what is already recorded forbids it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Conflict {}

    default boolean isConflict() {
        Enum<?> reason = (Enum<?>) this;
        try {
            return reason.getDeclaringClass().getField(reason.name()).isAnnotationPresent(Conflict.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("not an enum constant: " + reason, e);
        }
    }
}
