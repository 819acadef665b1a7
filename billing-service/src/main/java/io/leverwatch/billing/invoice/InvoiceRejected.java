package io.leverwatch.billing.invoice;

import io.leverwatch.events.Money;
import io.leverwatch.kit.web.ReasonedRejection;
import io.leverwatch.kit.web.RejectionReason;
import io.leverwatch.kit.web.RejectionReason.Conflict;
import java.time.LocalDate;

/**
 * A command on an invoice was refused; nothing was recorded. As a {@link ReasonedRejection} it names the
 * {@link Reason}, is answered as a problem over HTTP (409 when the invoice's current state forbids the
 * command, 422 when the request is wrong in itself) and dead-lettered on Kafka.
 */
public class InvoiceRejected extends ReasonedRejection {

    /** Which rule refused the command; a {@link Conflict} with what is recorded, or a request wrong in itself. */
    public enum Reason implements RejectionReason {
        MISSING_FIELD,
        NON_POSITIVE_AMOUNT,
        INVALID_CURRENCY,
        DUE_BEFORE_ISSUE,
        UNKNOWN_INVOICE,
        @Conflict
        ALREADY_ISSUED,
        @Conflict
        CURRENCY_MISMATCH,
        @Conflict
        OVERPAYMENT,
        @Conflict
        ALREADY_PAID,
        @Conflict
        CANCELLED;
    }

    private final String invoiceId;

    InvoiceRejected(String invoiceId, Reason reason, String message) {
        super(reason, message);
        this.invoiceId = invoiceId;
    }

    public String invoiceId() {
        return invoiceId;
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
