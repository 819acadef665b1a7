package io.leverwatch.compliance.operator.web;

/** A request parameter that cannot be read: a 400 problem naming it. */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
