package io.leverwatch.events.access;

/** Who made a credentials change. */
public enum Actor {
    AGENCY,
    CLIENT,
    PLATFORM
}
