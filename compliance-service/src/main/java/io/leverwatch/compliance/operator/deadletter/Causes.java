package io.leverwatch.compliance.operator.deadletter;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/** What a dead letter records of a failure, and which failures are not the event's fault. */
public final class Causes {

    /** As much as Axon keeps of a cause's message, and as much as the table's column holds. */
    static final int MESSAGE_SIZE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    // SQLState classes of a failure of the database or its connection, not of the statement: connection exception,
    // transaction rollback (serialization failure, deadlock), insufficient resources, operator intervention.
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");

    /**
     * The failure as a dead letter's cause: the outermost exception's type, and every distinct message down the
     * chain from the innermost (what went wrong: the database's own message, say) out to the outermost (what was
     * being done), joined by {@code " <- "} and cut to {@value #MESSAGE_SIZE} characters.
     */
    public static ThrowableCause of(Throwable failure) {
        Deque<String> messages = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.size() < 5; cause = cause.getCause()) {
            if (cause.getMessage() != null
                    && !cause.getMessage().isBlank()
                    && seen.add(cause.getMessage().strip())) {
                messages.addFirst(cause.getMessage().strip());
            }
        }
        String message = messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(" <- ", messages);
        return new ThrowableCause(
                failure.getClass().getName(),
                message.length() <= MESSAGE_SIZE ? message : message.substring(0, MESSAGE_SIZE));
    }

    /**
     * Whether the failure is the database's, which passes (retrying the batch is right), rather than the event's
     * (dead-lettering it is right): parking a contract because the database blinked would leave an operator work.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof TransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    private Causes() {}
}
