package io.leverwatch.events.access;

/** The client's role on an account that was removed. */
public enum AccountRole {
    OWNER,
    ADMIN,
    EDITOR
}
