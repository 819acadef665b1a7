package io.leverwatch.access.publish;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One PostgreSQL advisory lock per account, held until the transaction ends. Holding an account's event and
 * releasing the account's held events both take it first, so an event can never be held after the release
 * already ran, however the publisher's work is split.
 */
@Component
class PublicationLocks {

    private final JdbcTemplate jdbc;

    PublicationLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lockAccount(String accountId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the lock would be released at once and protect nothing.
            throw new IllegalStateException("the lock on account " + accountId + " needs a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {}, "account:" + accountId);
    }
}
