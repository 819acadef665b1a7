package io.leverwatch.kit.ingest;

import java.util.List;

/** What was sent is not a valid set of events; every problem found is listed. Nothing was accepted. */
public class InvalidEventsException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidEventsException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " problems, first " + errors.get(0).field() + ": "
                        + errors.get(0).message();
    }
}
