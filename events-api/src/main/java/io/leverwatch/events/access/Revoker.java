package io.leverwatch.events.access;

/** Who removed the client's role on an account. */
public enum Revoker {
    AGENCY,
    PLATFORM
}
