package io.leverwatch.access.contracts;

import io.leverwatch.access.account.AccountRejected;
import io.leverwatch.access.account.AttachToContract;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.kit.contracts.ContractEventHandler;
import io.leverwatch.kit.ingest.CommandSender;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each account contract-service registers and attaches it to its contract, which releases the access
 * events that arrived before the registration.
 */
@Component
class AccountRegistrations implements ContractEventHandler<AccountRegistered> {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistrations.class);

    private final KnownAccounts accounts;
    private final CommandSender commands;
    private final TransactionTemplate transaction;

    AccountRegistrations(KnownAccounts accounts, CommandSender commands, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Class<AccountRegistered> eventType() {
        return AccountRegistered.class;
    }

    @Override
    public void on(AccountRegistered account) {
        onAll(List.of(account));
    }

    /**
     * The poll's accounts are recorded first, together, in a transaction of their own, so that each account's agency
     * is known before any event carrying its contract can reach the publisher. Then each is attached in its own
     * transaction: one for all would keep each account's first event uncommitted until the last is attached, and an
     * agency's fact on one of them meanwhile would wait for it, then fail (a 500 to the agency over HTTP). A
     * redelivery repeats every step harmlessly.
     */
    @Override
    public void onAll(List<AccountRegistered> registered) {
        transaction.executeWithoutResult(status -> accounts.registerAll(registered));
        registered.forEach(this::attach);
    }

    private void attach(AccountRegistered account) {
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
