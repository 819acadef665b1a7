package io.leverwatch.compliance.operator.deadletter;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sequences that have letters in one processing group's queue, read in one query (a processor's batch asks once,
 * not once for each of its events). Read in the caller's transaction, so a batch sees the letters committed before it
 * and its own.
 */
public class DeadLetteredSequences {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final String processingGroup;

    public DeadLetteredSequences(JdbcTemplate jdbc, DeadLetterSchema schema, String processingGroup) {
        this.jdbc = jdbc;
        this.processingGroup = processingGroup;
        this.sql = "select distinct " + schema.sequenceIdentifierColumn() + " from " + schema.deadLetterTable()
                + " where " + schema.processingGroupColumn() + " = ?";
    }

    /** A set the caller may add to. */
    public Set<String> get() {
        return new HashSet<>(jdbc.queryForList(sql, String.class, processingGroup));
    }

    /** A sequence as the queue stores it (Axon's JDBC queue: a string as is, anything else by its hash code). */
    public static String key(Object sequence) {
        return sequence instanceof String string ? string : Integer.toString(sequence.hashCode());
    }
}
