package io.leverwatch.kit.web;

/**
 * A command the domain refused for a business reason (a contract terminated twice, an overpayment). It is
 * answered as a problem with the status it names, never as a 500; on Kafka it is dead-lettered.
 */
public class DomainRejection extends RuntimeException {

    public enum Kind {
        /** The request conflicts with what is already recorded (409). */
        CONFLICT,
        /** The request is well-formed but breaks a business rule (422). */
        UNPROCESSABLE,
        /** What the request is about does not exist (404). */
        NOT_FOUND
    }

    private final Kind kind;

    public DomainRejection(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
