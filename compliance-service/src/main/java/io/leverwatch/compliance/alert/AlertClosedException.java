package io.leverwatch.compliance.alert;

/** The alert is resolved, dismissed or retracted: officers can no longer act on it (409). */
public class AlertClosedException extends AlertCommandRejectedException {

    private final AlertStatus status;

    public AlertClosedException(String alertId, AlertStatus status) {
        super(alertId, "alert " + alertId + " is " + status + ": it can no longer be acted on");
        this.status = status;
    }

    public AlertStatus status() {
        return status;
    }
}
