package io.leverwatch.kit.ingest;

/** Whether the agency that sent an event owns the contract the event is about. */
public enum Ownership {
    /** The contract is the sending agency's. */
    OWNED,
    /** The contract belongs to another agency: the event is refused (403) or quarantined. */
    FOREIGN,
    /** The contract is not known here yet: the event is accepted and checked when the contract arrives. */
    UNKNOWN
}
