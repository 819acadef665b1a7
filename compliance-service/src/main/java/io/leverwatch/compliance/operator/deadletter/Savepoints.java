package io.leverwatch.compliance.operator.deadletter;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs one event's handling inside a savepoint of the processor's transaction, so that a handler that fails leaves
 * nothing behind and the transaction goes on: the dead letter, the other events of the batch and the token then
 * commit together. On PostgreSQL this is what makes a database error dead-letterable at all: after any failed
 * statement the transaction refuses every other one until it is rolled back, savepoint or whole.
 */
public class Savepoints {

    /** A task that may throw, as event handling does. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition nested;

    public Savepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
        this.nested = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the task; if it throws, rolls back to before it and rethrows. */
    public void run(Task task) throws Exception {
        TransactionStatus savepoint = transactions.getTransaction(nested);
        try {
            task.run();
        } catch (Exception | Error e) {
            transactions.rollback(savepoint);
            throw e;
        }
        transactions.commit(savepoint);
    }
}
