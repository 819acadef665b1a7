package io.leverwatch.kit.gate;

/**
 * What contract-service registered for a gate key: the contract its events are published under and the
 * agency that owns them. Only that agency's events are published; another's are quarantined.
 */
public record Registration(GateKey key, String contractId, String ownerAgencyId) {

    /** A contract's own registration: its events wait for the contract itself. */
    public static Registration ofContract(String contractId, String ownerAgencyId) {
        return new Registration(GateKey.contract(contractId), contractId, ownerAgencyId);
    }
}
