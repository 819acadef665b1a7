package io.leverwatch.events.access;

/** Why credentials were changed, as the sending system states it. */
public enum ChangeReason {
    ROUTINE_ROTATION,
    SECURITY_INCIDENT,
    CLIENT_REQUEST,
    CONTRACT_END,
    PAYMENT_DEFAULT,
    UNSPECIFIED
}
