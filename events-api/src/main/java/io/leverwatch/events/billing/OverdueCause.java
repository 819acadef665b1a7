package io.leverwatch.events.billing;

/** What made an invoice overdue. */
public enum OverdueCause {
    /** billing-service saw the due date pass with the invoice not paid in full. */
    DUE_DATE_PASSED,
    /** The agency declared it overdue with {@code leverwatch.invoice.overdue}. */
    DECLARED_BY_AGENCY
}
