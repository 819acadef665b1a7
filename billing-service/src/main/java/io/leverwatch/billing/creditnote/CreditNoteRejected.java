package io.leverwatch.billing.creditnote;

import io.leverwatch.events.Money;
import io.leverwatch.kit.web.DomainRejection;

/**
 * A credit note was refused; nothing was recorded. The message says what is wrong in words a user
 * understands; {@link Reason#isConflict()} tells a request that is wrong in itself (HTTP 422) from one the
 * credit note's state forbids (HTTP 409). As a {@link DomainRejection} it is answered as a problem over
 * HTTP and dead-lettered on Kafka.
 */
public class CreditNoteRejected extends DomainRejection {

    /** Which rule refused the command. */
    public enum Reason {
        MISSING_FIELD(false),
        NON_POSITIVE_AMOUNT(false),
        INVALID_CURRENCY(false),
        ALREADY_ISSUED(true);

        private final boolean conflict;

        Reason(boolean conflict) {
            this.conflict = conflict;
        }

        /** True when the request is well formed but the credit note's state forbids it. */
        public boolean isConflict() {
            return conflict;
        }
    }

    private final String creditNoteId;
    private final Reason reason;

    CreditNoteRejected(String creditNoteId, Reason reason, String message) {
        super(reason.isConflict() ? Kind.CONFLICT : Kind.UNPROCESSABLE, message);
        this.creditNoteId = creditNoteId;
        this.reason = reason;
    }

    public String creditNoteId() {
        return creditNoteId;
    }

    public Reason reason() {
        return reason;
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
