package io.leverwatch.events.contract;

/** A party to the contract. */
public enum Party {
    CLIENT,
    AGENCY
}
