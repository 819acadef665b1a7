package io.leverwatch.compliance.alert;

/** Where an alert stands for the compliance officer. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    /** Every locked account of the episode was restored. */
    RESOLVED,
    /** An officer closed it, with a justification. */
    DISMISSED,
    /** Late evidence showed the episode no longer qualifies; hidden from the dashboard. */
    RETRACTED;

    /** True when officers can no longer act on the alert. */
    public boolean isClosed() {
        return this == RESOLVED || this == DISMISSED || this == RETRACTED;
    }
}
