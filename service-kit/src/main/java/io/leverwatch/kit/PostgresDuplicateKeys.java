package io.leverwatch.kit;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC storage engine when an insert failed on a unique key in PostgreSQL (SQLState 23505). Axon's
 * default resolver does not recognise PostgreSQL's batch error, so a duplicate event id, or two writers of the same
 * aggregate sequence, would be reported as a plain storage failure instead of a duplicate or a concurrency conflict
 * (an {@code AggregateStreamCreationException} for an aggregate's first event, a {@code ConcurrencyException} for a
 * later one), which the writer can retry. Every service's event store uses it ({@link EventStoreAutoConfiguration}).
 */
public class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    // A batch reports the statement's own error as its next exception.
    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
