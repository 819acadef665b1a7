package io.leverwatch.access.contracts;

import io.leverwatch.access.account.AccountRejected;
import io.leverwatch.access.account.AttachToContract;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.kit.contracts.ContractEventHandler;
import io.leverwatch.kit.ingest.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records each account contract-service registers and attaches it to its contract, which releases the access
 * events that arrived before the registration.
 */
@Component
class AccountRegistrations implements ContractEventHandler<AccountRegistered> {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistrations.class);

    private final KnownAccounts accounts;
    private final CommandSender commands;

    AccountRegistrations(KnownAccounts accounts, CommandSender commands) {
        this.accounts = accounts;
        this.commands = commands;
    }

    @Override
    public Class<AccountRegistered> eventType() {
        return AccountRegistered.class;
    }

    /**
     * Recorded first, in its own transaction, so the account's agency is known before any event carrying its
     * contract can reach the publisher; a redelivery repeats both steps harmlessly.
     */
    @Override
    public void on(AccountRegistered account) {
        accounts.register(account);
        try {
            commands.send(new AttachToContract(
                    account.accountId(),
                    account.contractId(),
                    account.agencyId(),
                    account.heldInNameOf(),
                    account.platform(),
                    account.label(),
                    account.occurredAt()));
        } catch (AccountRejected e) {
            // contract-service registered the account under a second contract: retrying cannot fix that.
            log.error(
                    "account {} not attached to contract {}: {}",
                    account.accountId(),
                    account.contractId(),
                    e.getMessage());
        }
    }
}
