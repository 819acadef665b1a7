package io.leverwatch.compliance.leverage;

/** How urgently an officer should look at an alert, least urgent first (the order is used to compare). */
public enum Severity {
    MEDIUM,
    HIGH,
    CRITICAL
}
