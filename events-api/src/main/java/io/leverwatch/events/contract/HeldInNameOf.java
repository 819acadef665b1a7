package io.leverwatch.events.contract;

/**
 * In whose name an account was opened. Only accounts held for the CLIENT can be withheld unlawfully; the
 * AGENCY's own service may be suspended in proportion (LEGAL.md).
 */
public enum HeldInNameOf {
    CLIENT,
    AGENCY
}
