package io.leverwatch.access.contracts;

import io.leverwatch.access.account.AccountRejected;
import io.leverwatch.access.account.AttachToContract;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.kit.contracts.ContractEventHandler;
import io.leverwatch.kit.ingest.CommandSender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * The accounts are recorded first, in a transaction of their own, so that each account's agency is known before
     * any event carrying its contract can reach the publisher. Then they are attached in one transaction (a command
     * each, joining it), an account at most once in it: a command on an account whose earlier command in the same
     * transaction is not committed yet could wait on a writer that waits on that transaction. If that transaction
     * fails (an account refused, a concurrent writer of the same account), they are attached one at a time, each in
     * its own, as a record at a time did. A redelivery repeats every step harmlessly.
     */
    @Override
    public void onAll(List<AccountRegistered> registered) {
        transaction.executeWithoutResult(status -> accounts.registerAll(registered));
        for (List<AccountRegistered> distinct : eachAccountOnce(registered)) {
            try {
                transaction.executeWithoutResult(status -> distinct.forEach(this::attach));
            } catch (RuntimeException e) {
                log.info("attaching {} accounts at once failed ({}): one at a time", distinct.size(), e.toString());
                distinct.forEach(this::attachAlone);
            }
        }
    }

    private void attachAlone(AccountRegistered account) {
        try {
            attach(account);
        } catch (AccountRejected e) {
            // contract-service registered the account under a second contract: retrying cannot fix that.
            log.error(
                    "account {} not attached to contract {}: {}",
                    account.accountId(),
                    account.contractId(),
                    e.getMessage());
        }
    }

    private void attach(AccountRegistered account) {
        commands.send(new AttachToContract(
                account.accountId(),
                account.contractId(),
                account.agencyId(),
                account.heldInNameOf(),
                account.platform(),
                account.label(),
                account.occurredAt()));
    }

    /** The registrations in order, cut wherever an account comes again, so that no part names an account twice. */
    static List<List<AccountRegistered>> eachAccountOnce(List<AccountRegistered> registered) {
        List<List<AccountRegistered>> parts = new ArrayList<>();
        List<AccountRegistered> part = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (AccountRegistered account : registered) {
            if (!named.add(account.accountId())) {
                parts.add(part);
                part = new ArrayList<>();
                named.clear();
                named.add(account.accountId());
            }
            part.add(account);
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
