package io.leverwatch.kit.gate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One PostgreSQL advisory lock per gate key, held until the transaction ends. Holding an event and releasing
 * the key's held events both take it first, so an event can never be held after its release already ran.
 */
class PublicationLocks {

    private final JdbcTemplate jdbc;

    PublicationLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void lock(GateKey key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the lock would be released at once and protect nothing.
            throw new IllegalStateException("the lock on " + key + " needs a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {}, key.toString());
    }
}
