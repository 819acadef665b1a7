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

    /** Accounts attached in one transaction at most. */
    static final int ACCOUNTS_A_TRANSACTION = 16;

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
     * is known before any event carrying its contract can reach the publisher. Then they are attached a few at a time,
     * each few in one transaction ({@value #ACCOUNTS_A_TRANSACTION} accounts, each at most once: a command on an
     * account whose earlier command in the same transaction is not committed could wait on a writer that waits on that
     * transaction). An agency's fact on one of them meanwhile waits for that transaction only, a few milliseconds, and
     * is tried again if it lost the race to create the account; one transaction for a whole poll kept the first
     * accounts uncommitted until the last was attached, and the agency's fact failed (a 500). If a transaction fails
     * (an account refused, a concurrent writer), its accounts are attached one at a time. A redelivery repeats every
     * step harmlessly.
     */
    @Override
    public void onAll(List<AccountRegistered> registered) {
        transaction.executeWithoutResult(status -> accounts.registerAll(registered));
        for (List<AccountRegistered> few : inTransactions(registered)) {
            try {
                transaction.executeWithoutResult(status -> few.forEach(this::send));
            } catch (RuntimeException e) {
                log.info("attaching {} accounts together failed ({}): one at a time", few.size(), e.toString());
                few.forEach(this::attach);
            }
        }
    }

    /**
     * The registrations in order, cut every {@value #ACCOUNTS_A_TRANSACTION} and wherever an account comes again, so
     * that no part names an account twice.
     */
    static List<List<AccountRegistered>> inTransactions(List<AccountRegistered> registered) {
        List<List<AccountRegistered>> parts = new ArrayList<>();
        List<AccountRegistered> part = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (AccountRegistered account : registered) {
            if (part.size() == ACCOUNTS_A_TRANSACTION || named.contains(account.accountId())) {
                parts.add(part);
                part = new ArrayList<>();
                named.clear();
            }
            named.add(account.accountId());
            part.add(account);
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private void attach(AccountRegistered account) {
        try {
            send(account);
        } catch (AccountRejected e) {
            // contract-service registered the account under a second contract: retrying cannot fix that.
            log.error(
                    "account {} not attached to contract {}: {}",
                    account.accountId(),
                    account.contractId(),
                    e.getMessage());
        }
    }

    private void send(AccountRegistered account) {
        commands.send(new AttachToContract(
                account.accountId(),
                account.contractId(),
                account.agencyId(),
                account.heldInNameOf(),
                account.platform(),
                account.label(),
                account.occurredAt()));
    }
}
