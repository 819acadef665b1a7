package io.leverwatch.compliance.leverage;

/** What the agency must do at once, whatever it is owed. */
public enum ImmediateAction {
    /** Give the client back its access to the accounts held in its name. */
    RESTORE_ACCESS,
    /** Hand the accounts held in the client's name over to the client, as the contract has ended. */
    HAND_OVER_ACCESS
}
