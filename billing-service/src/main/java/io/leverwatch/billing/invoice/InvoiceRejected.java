package io.leverwatch.billing.invoice;

import io.leverwatch.events.Money;
import io.leverwatch.kit.web.DomainRejection;
import java.time.LocalDate;

/**
 * A command on an invoice was refused; nothing was recorded. The message says what is wrong in words a
 * user understands; {@link #reason()} says which rule refused it, and {@link Reason#isConflict()} whether
 * the request itself is wrong (HTTP 422) or the invoice's current state forbids it (HTTP 409). As a
 * {@link DomainRejection} it is answered as a problem over HTTP and dead-lettered on Kafka.
 */
public class InvoiceRejected extends DomainRejection {

    /** Which rule refused the command. */
    public enum Reason {
        MISSING_FIELD(false),
        NON_POSITIVE_AMOUNT(false),
        INVALID_CURRENCY(false),
        DUE_BEFORE_ISSUE(false),
        UNKNOWN_INVOICE(false),
        ALREADY_ISSUED(true),
        CURRENCY_MISMATCH(true),
        OVERPAYMENT(true),
        ALREADY_PAID(true),
        CANCELLED(true);

        private final boolean conflict;

        Reason(boolean conflict) {
            this.conflict = conflict;
        }

        /** True when the request is well formed but the invoice's state forbids it. */
        public boolean isConflict() {
            return conflict;
        }
    }

    private final String invoiceId;
    private final Reason reason;

    InvoiceRejected(String invoiceId, Reason reason, String message) {
        super(reason.isConflict() ? Kind.CONFLICT : Kind.UNPROCESSABLE, message);
        this.invoiceId = invoiceId;
        this.reason = reason;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public Reason reason() {
        return reason;
    }

    static InvoiceRejected missing(String invoiceId, String field) {
        String where = invoiceId == null || invoiceId.isBlank() ? "" : " on invoice " + invoiceId;
        return new InvoiceRejected(invoiceId, Reason.MISSING_FIELD, "The " + field + " is missing" + where + ".");
    }

    static InvoiceRejected nonPositiveAmount(String invoiceId, String what, Money amount) {
        return new InvoiceRejected(
                invoiceId,
                Reason.NON_POSITIVE_AMOUNT,
                "The " + what + " on invoice " + invoiceId + " must be more than zero, not " + amount + ".");
    }

    static InvoiceRejected invalidCurrency(String invoiceId, String currency) {
        return new InvoiceRejected(
                invoiceId,
                Reason.INVALID_CURRENCY,
                "'" + currency + "' is not a currency: use a three-letter ISO 4217 code such as EUR.");
    }

    static InvoiceRejected dueBeforeIssue(String invoiceId, LocalDate issuedOn, LocalDate dueOn) {
        return new InvoiceRejected(
                invoiceId,
                Reason.DUE_BEFORE_ISSUE,
                "Invoice " + invoiceId + " cannot be due on " + dueOn + ", before it was issued on " + issuedOn + ".");
    }

    /** A command on an invoice that was never issued here. */
    public static InvoiceRejected unknownInvoice(String invoiceId) {
        return new InvoiceRejected(
                invoiceId,
                Reason.UNKNOWN_INVOICE,
                "Invoice " + invoiceId + " is not issued: send leverwatch.invoice.issued for it first.");
    }

    static InvoiceRejected alreadyIssued(String invoiceId) {
        return new InvoiceRejected(invoiceId, Reason.ALREADY_ISSUED, "Invoice " + invoiceId + " was already issued.");
    }

    static InvoiceRejected currencyMismatch(String invoiceId, String invoiceCurrency, String paidCurrency) {
        return new InvoiceRejected(
                invoiceId,
                Reason.CURRENCY_MISMATCH,
                "Invoice " + invoiceId + " is in " + invoiceCurrency + "; a payment in " + paidCurrency
                        + " cannot be recorded against it.");
    }

    static InvoiceRejected overpayment(String invoiceId, Money paid, Money outstanding) {
        return new InvoiceRejected(
                invoiceId,
                Reason.OVERPAYMENT,
                "A payment of " + paid + " is more than the " + outstanding + " still outstanding on invoice "
                        + invoiceId + ".");
    }

    static InvoiceRejected alreadyPaid(String invoiceId, String what) {
        return new InvoiceRejected(
                invoiceId, Reason.ALREADY_PAID, "Invoice " + invoiceId + " is paid in full: " + what + ".");
    }

    static InvoiceRejected cancelled(String invoiceId, String what) {
        return new InvoiceRejected(
                invoiceId, Reason.CANCELLED, "Invoice " + invoiceId + " is cancelled: " + what + ".");
    }
}
