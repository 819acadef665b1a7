package io.leverwatch.kit.contracts;

/**
 * contract-service has registered the contract, owned by this agency. Published as a Spring event inside the
 * transaction that records the contract, also on a redelivery, so whatever waited for it (held publications)
 * is released in that same transaction, or retried with it.
 */
public record ContractBecameKnown(String contractId, String agencyId) {}
