package io.leverwatch.compliance.operator.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ShadowWritesTest {

    /** What would have reached the database (which it never reaches): each batch, its statement and its rows. */
    private final List<String> sent = new ArrayList<>();

    private final ShadowWrites writes = new ShadowWrites(new SimpleDriverDataSource()) {
        @Override
        void send(String sql, List<Object[]> rows) {
            sent.add(sql + " " + rows.stream().map(row -> row[0] + "/" + row[1]).toList());
        }
    };

    @Test
    void oneAlertsStatementsRunInTheirOrderAndAlikeStatementsOfAlertsGoInOneBatch() {
        writes.update("upsert view", "a", 0);
        writes.update("insert history", "a", 0);
        writes.alertDone();
        writes.update("upsert view", "b", 0);
        writes.update("update view", "b", 1);
        writes.update("insert history", "b", 1);
        writes.update("upsert view", "b", 2);
        writes.alertDone();
        writes.update("upsert view", "c", 0);
        writes.update("insert history", "c", 0);

        assertThat(sent).isEmpty();
        writes.flush();

        assertThat(sent)
                .containsExactly(
                        "upsert view [a/0, b/0, c/0]",
                        "insert history [a/0, c/0]",
                        "update view [b/1]",
                        "insert history [b/1]",
                        "upsert view [b/2]");
    }

    @Test
    void anUpdateIsSaidToChangeARowAndNothingIsSentTwice() {
        assertThat(writes.update("upsert view", "a", 0)).isEqualTo(1);
        writes.flush();
        writes.flush();

        assertThat(sent).containsExactly("upsert view [a/0]");
    }

    @Test
    void everyFiveHundredAlertsAreSentWithoutWaitingForTheFlush() {
        for (int alert = 0; alert < 501; alert++) {
            writes.update("upsert view", "alert-" + alert, 0);
            writes.alertDone();
        }

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).startsWith("upsert view [alert-0/0, alert-1/0,").endsWith("alert-499/0]");
        writes.flush();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo("upsert view [alert-500/0]");
        assertThat(Arrays.asList(sent.get(0).split(","))).hasSize(500);
    }
}
