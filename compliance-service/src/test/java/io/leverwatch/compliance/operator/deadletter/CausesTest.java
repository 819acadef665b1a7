package io.leverwatch.compliance.operator.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.UncategorizedSQLException;

class CausesTest {

    @Test
    void aCauseSaysWhatWentWrongFirstThenWhatWasBeingDone() {
        var failure = new IllegalStateException(
                "could not update the saga", new SQLException("ERROR: value too long", "22001"));

        ThrowableCause cause = Causes.of(failure);

        assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(cause.message()).isEqualTo("ERROR: value too long <- could not update the saga");
    }

    @Test
    void aCauseIsCutToWhatTheQueueKeeps() {
        assertThat(Causes.of(new IllegalArgumentException("x".repeat(5000))).message())
                .hasSize(Causes.MESSAGE_SIZE);
    }

    @Test
    void theDatabasesOwnFailuresAreTransientAStatementsAreNot() {
        assertThat(Causes.isTransient(new CannotAcquireLockException("lock timeout")))
                .isTrue();
        assertThat(Causes.isTransient(new IllegalStateException(new SQLException("connection refused", "08001"))))
                .isTrue();
        assertThat(Causes.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();

        assertThat(Causes.isTransient(
                        new UncategorizedSQLException("insert", "insert", new SQLException("no", "P0001"))))
                .isFalse();
        assertThat(Causes.isTransient(new SQLException("value too long", "22001")))
                .isFalse();
        assertThat(Causes.isTransient(new IllegalArgumentException("unknown fact")))
                .isFalse();
    }
}
