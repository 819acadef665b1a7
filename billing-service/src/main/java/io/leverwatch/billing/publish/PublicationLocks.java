package io.leverwatch.billing.publish;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One PostgreSQL advisory lock per contract, held until the transaction ends. The publication gate (in the
 * publisher's transaction) and the release of held events (in the contract consumer's transaction) both take
 * it before they read or write, so an event can never be held after its contract's release already ran.
 */
@Component
class PublicationLocks {

    private final JdbcTemplate jdbc;

    PublicationLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lockContract(String contractId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the lock would be released at once and protect nothing.
            throw new IllegalStateException("the lock on contract " + contractId + " needs a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {}, "contract:" + contractId);
    }
}
