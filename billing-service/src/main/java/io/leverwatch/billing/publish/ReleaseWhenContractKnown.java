package io.leverwatch.billing.publish;

import io.leverwatch.kit.contracts.ContractBecameKnown;
import io.leverwatch.kit.gate.HeldEventRelease;
import io.leverwatch.kit.gate.Registration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a contract becomes known, publishes the billing events held for it in their original order, or
 * quarantines those another agency sent. It runs in the transaction that records the contract: if publishing
 * fails, the contract is not recorded either and the whole is retried.
 */
@Component
class ReleaseWhenContractKnown {

    private final HeldEventRelease release;

    ReleaseWhenContractKnown(HeldEventRelease release) {
        this.release = release;
    }

    @EventListener
    void on(ContractBecameKnown contract) {
        release.release(Registration.ofContract(contract.contractId(), contract.agencyId()));
    }
}
