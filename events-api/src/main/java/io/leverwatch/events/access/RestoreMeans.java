package io.leverwatch.events.access;

/** How the client got its access back. */
public enum RestoreMeans {
    HANDOVER,
    RESET_BY_CLIENT,
    PLATFORM_RECOVERY
}
