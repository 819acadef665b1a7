package io.leverwatch.compliance.alert;

/** An alert can only be dismissed with a justification, kept in its case for review (422). */
public class JustificationRequiredException extends InvalidAlertCommandException {

    public JustificationRequiredException(String alertId) {
        super(alertId, "justification", "dismissing alert " + alertId + " requires a non-blank justification");
    }
}
