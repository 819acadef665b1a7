package io.leverwatch.contract.lifecycle;

import io.leverwatch.kit.web.DomainRejection;

/** A contract command refused by an invariant, with a message that says which and why. */
public class ContractRejected extends DomainRejection {

    private ContractRejected(Kind kind, String message) {
        super(kind, message);
    }

    static ContractRejected conflict(String message) {
        return new ContractRejected(Kind.CONFLICT, message);
    }

    static ContractRejected unprocessable(String message) {
        return new ContractRejected(Kind.UNPROCESSABLE, message);
    }

    public static ContractRejected unknownContract(String contractId) {
        return new ContractRejected(
                Kind.UNPROCESSABLE,
                "contract " + contractId + " is not registered: send leverwatch.contract.registered first");
    }
}
