package io.leverwatch.events;

import java.util.List;

/**
 * The CloudEvents {@code type} names of the public contract (DESIGN.md §2). Agencies send these on
 * {@code POST /api/events} and the inbound topics; the services publish their domain events under the
 * same names on their outbound topics.
 */
public final class EventTypes {

    public static final String CONTRACT_REGISTERED = "leverwatch.contract.registered";
    public static final String ACCOUNT_REGISTERED = "leverwatch.contract.account-registered";
    public static final String CRITICAL_PERIOD_DECLARED = "leverwatch.contract.critical-period-declared";
    public static final String CONTRACT_TERMINATED = "leverwatch.contract.terminated";

    public static final String INVOICE_ISSUED = "leverwatch.invoice.issued";
    public static final String PAYMENT_RECEIVED = "leverwatch.invoice.payment-received";
    public static final String INVOICE_OVERDUE = "leverwatch.invoice.overdue";
    public static final String INVOICE_DISPUTED = "leverwatch.invoice.disputed";
    public static final String INVOICE_CANCELLED = "leverwatch.invoice.cancelled";
    public static final String FORMAL_NOTICE_SENT = "leverwatch.invoice.formal-notice-sent";
    public static final String CREDIT_NOTE_ISSUED = "leverwatch.credit-note.issued";

    public static final String CREDENTIALS_CHANGED = "leverwatch.access.credentials-changed";
    public static final String ACCESS_REVOKED = "leverwatch.access.revoked";
    public static final String ACCESS_REQUESTED = "leverwatch.access.requested";
    public static final String ACCESS_REQUEST_REFUSED = "leverwatch.access.request-refused";
    public static final String ACCESS_RESTORED = "leverwatch.access.restored";

    public static final List<String> CONTRACT =
            List.of(CONTRACT_REGISTERED, ACCOUNT_REGISTERED, CRITICAL_PERIOD_DECLARED, CONTRACT_TERMINATED);
    public static final List<String> BILLING = List.of(
            INVOICE_ISSUED,
            PAYMENT_RECEIVED,
            INVOICE_OVERDUE,
            INVOICE_DISPUTED,
            INVOICE_CANCELLED,
            FORMAL_NOTICE_SENT,
            CREDIT_NOTE_ISSUED);
    public static final List<String> ACCESS =
            List.of(CREDENTIALS_CHANGED, ACCESS_REVOKED, ACCESS_REQUESTED, ACCESS_REQUEST_REFUSED, ACCESS_RESTORED);

    /** Where the JSON Schema of a type's {@code data} lives on the classpath. */
    public static String schemaResource(String type) {
        return "/leverwatch/schemas/" + type + ".schema.json";
    }

    private EventTypes() {}
}
