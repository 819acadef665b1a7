package io.leverwatch.compliance.alert;

/**
 * An officer's command on an alert was refused. The web layer maps {@link AlertClosedException} to 409 Conflict and
 * {@link InvalidAlertCommandException} to 422 Unprocessable Content.
 */
public abstract class AlertCommandRejectedException extends RuntimeException {

    private final String alertId;

    protected AlertCommandRejectedException(String alertId, String message) {
        super(message);
        this.alertId = alertId;
    }

    public String alertId() {
        return alertId;
    }
}
