package io.leverwatch.compliance.leverage;

/** Whether the lockout episode behind an alert still lasts (OPEN) or every locked account was restored. */
public enum DecisionStatus {
    OPEN,
    RESOLVED
}
