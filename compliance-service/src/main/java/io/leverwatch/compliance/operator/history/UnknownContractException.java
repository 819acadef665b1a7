package io.leverwatch.compliance.operator.history;

/** No event about the contract is in the inbox. */
public class UnknownContractException extends RuntimeException {

    private final String contractId;

    public UnknownContractException(String contractId) {
        super("no event about contract " + contractId + " is in the inbox");
        this.contractId = contractId;
    }

    public String contractId() {
        return contractId;
    }
}
