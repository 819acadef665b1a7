package io.leverwatch.access.account;

import io.leverwatch.kit.web.DomainRejection;

/**
 * A command on a managed account was refused; nothing was recorded. Only truly invalid input is refused
 * (never the order in which facts arrive). The message says what is wrong in words a user understands;
 * {@link Reason#isConflict()} tells a request that is wrong in itself (HTTP 422) from one the account's
 * state forbids (HTTP 409). As a {@link DomainRejection} it is answered as a problem over HTTP and
 * dead-lettered on Kafka.
 */
public class AccountRejected extends DomainRejection {

    /** Which rule refused the command. */
    public enum Reason {
        MISSING_FIELD(false),
        ATTACHED_TO_ANOTHER_CONTRACT(true);

        private final boolean conflict;

        Reason(boolean conflict) {
            this.conflict = conflict;
        }

        /** True when the request is well formed but the account's state forbids it. */
        public boolean isConflict() {
            return conflict;
        }
    }

    private final String accountId;
    private final Reason reason;

    AccountRejected(String accountId, Reason reason, String message) {
        super(reason.isConflict() ? Kind.CONFLICT : Kind.UNPROCESSABLE, message);
        this.accountId = accountId;
        this.reason = reason;
    }

    public String accountId() {
        return accountId;
    }

    public Reason reason() {
        return reason;
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
