package io.leverwatch.compliance.leverage;

/** The detection rules of DESIGN §3. */
public enum AlertRule {
    /** Access to an account held for the client withheld while an invoice of the same contract is overdue. */
    ACCESS_LEVERAGE_OVER_UNPAID_INVOICES,
    /** Access to an account held for the client withheld after the contract ended, with no invoice overdue. */
    ACCESS_WITHHELD_AFTER_TERMINATION
}
