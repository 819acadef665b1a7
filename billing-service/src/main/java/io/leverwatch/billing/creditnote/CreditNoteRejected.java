package io.leverwatch.billing.creditnote;

import io.leverwatch.events.Money;
import io.leverwatch.kit.web.ReasonedRejection;
import io.leverwatch.kit.web.RejectionReason;
import io.leverwatch.kit.web.RejectionReason.Conflict;

/**
 * A credit note was refused; nothing was recorded. As a {@link ReasonedRejection} it names the {@link Reason},
 * is answered as a problem over HTTP (409 when the credit note's state forbids it, 422 when the request is
 * wrong in itself) and dead-lettered on Kafka.
 */
public class CreditNoteRejected extends ReasonedRejection {

    /** Which rule refused the command; a {@link Conflict} with what is recorded, or a request wrong in itself. */
    public enum Reason implements RejectionReason {
        MISSING_FIELD,
        NON_POSITIVE_AMOUNT,
        INVALID_CURRENCY,
        @Conflict
        ALREADY_ISSUED;
    }

    private final String creditNoteId;

    CreditNoteRejected(String creditNoteId, Reason reason, String message) {
        super(reason, message);
        this.creditNoteId = creditNoteId;
    }

    public String creditNoteId() {
        return creditNoteId;
    }

    static CreditNoteRejected missing(String creditNoteId, String field) {
        String where = creditNoteId == null || creditNoteId.isBlank() ? "" : " on credit note " + creditNoteId;
        return new CreditNoteRejected(creditNoteId, Reason.MISSING_FIELD, "The " + field + " is missing" + where + ".");
    }

    static CreditNoteRejected nonPositiveAmount(String creditNoteId, Money amount) {
        return new CreditNoteRejected(
                creditNoteId,
                Reason.NON_POSITIVE_AMOUNT,
                "The amount of credit note " + creditNoteId + " must be more than zero, not " + amount + ".");
    }

    static CreditNoteRejected invalidCurrency(String creditNoteId, String currency) {
        return new CreditNoteRejected(
                creditNoteId,
                Reason.INVALID_CURRENCY,
                "'" + currency + "' is not a currency: use a three-letter ISO 4217 code such as EUR.");
    }

    static CreditNoteRejected alreadyIssued(String creditNoteId) {
        return new CreditNoteRejected(
                creditNoteId, Reason.ALREADY_ISSUED, "Credit note " + creditNoteId + " was already issued.");
    }
}
