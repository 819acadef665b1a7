package io.leverwatch.events.access;

/** The reason given when the client's request for access was refused. */
public enum RefusalReason {
    PAYMENT_PENDING,
    DISPUTE,
    OTHER
}
