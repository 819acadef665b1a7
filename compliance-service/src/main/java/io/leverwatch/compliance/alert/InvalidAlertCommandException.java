package io.leverwatch.compliance.alert;

/** A command on an alert lacks something it needs, such as the officer's name (422). */
public class InvalidAlertCommandException extends AlertCommandRejectedException {

    private final String field;

    public InvalidAlertCommandException(String alertId, String field, String message) {
        super(alertId, message);
        this.field = field;
    }

    /** The command field at fault, for a problem detail naming it. */
    public String field() {
        return field;
    }
}
