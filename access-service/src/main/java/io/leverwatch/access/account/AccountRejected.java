package io.leverwatch.access.account;

import io.leverwatch.kit.web.ReasonedRejection;
import io.leverwatch.kit.web.RejectionReason;
import io.leverwatch.kit.web.RejectionReason.Conflict;

/**
 * A command on a managed account was refused; nothing was recorded. Only truly invalid input is refused
 * (never the order in which facts arrive). As a {@link ReasonedRejection} it names the {@link Reason}, is
 * answered as a problem over HTTP (409 when the account's state forbids the command, 422 when the request is
 * wrong in itself) and dead-lettered on Kafka.
 */
public class AccountRejected extends ReasonedRejection {

    /** Which rule refused the command; a {@link Conflict} with what is recorded, or a request wrong in itself. */
    public enum Reason implements RejectionReason {
        MISSING_FIELD,
        @Conflict
        ATTACHED_TO_ANOTHER_CONTRACT;
    }

    private final String accountId;

    AccountRejected(String accountId, Reason reason, String message) {
        super(reason, message);
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    static AccountRejected missing(String accountId, String field) {
        String where = accountId == null || accountId.isBlank() ? "" : " for account " + accountId;
        return new AccountRejected(accountId, Reason.MISSING_FIELD, "The " + field + " is missing" + where + ".");
    }

    static AccountRejected attachedToAnotherContract(String accountId, String contractId, String otherContractId) {
        return new AccountRejected(
                accountId,
                Reason.ATTACHED_TO_ANOTHER_CONTRACT,
                "Account " + accountId + " is managed under contract " + contractId
                        + "; it cannot also belong to contract " + otherContractId + ".");
    }
}
