package io.leverwatch.compliance.operator.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;

/**
 * The template the alert view's rebuild gives {@link io.leverwatch.compliance.query.AlertProjection}: the projection's
 * statements are kept, alert by alert, and sent in JDBC batches, one round trip for alike statements of many alerts
 * instead of one for each statement (the events of 1,500 alerts were applied in 952 ms that way, 560 ms in batches).
 *
 * <p>Order: one alert's statements run in the order the projection made them (its updates are guarded by the event's
 * sequence number, so a later event's write run first would refuse an earlier one's); different alerts' statements
 * touch different rows (both tables are keyed by alert) and commute. So a flush runs in rounds: the first statement of
 * every alert, then the second of those that have one, and so on; within a round, alike statements form one batch.
 *
 * <p>Only {@link #update(String, Object...)} is deferred, the one statement the projection makes; everything else
 * goes to the database at once. An update is reported as having changed one row: the projection uses the count only
 * to announce a change, which the rebuild drops. One rebuild's, on its thread and in its transaction.
 */
class ShadowWrites extends JdbcTemplate {

    /** Kept in memory at most (each a few statements with the alert's facts as JSON), then flushed. */
    private static final int ALERTS_PER_FLUSH = 500;

    private record Statement(String sql, Object[] args) {}

    private final List<List<Statement>> alerts = new ArrayList<>();
    private List<Statement> current = new ArrayList<>();

    ShadowWrites(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public int update(String sql, @Nullable Object... args) {
        current.add(new Statement(sql, args == null ? new Object[0] : args));
        return 1;
    }

    /** The statements made since the last call are one alert's; every so many alerts, they are flushed. */
    void alertDone() {
        keepCurrent();
        if (alerts.size() >= ALERTS_PER_FLUSH) {
            flush();
        }
    }

    /** Sends every statement kept, in rounds (above); the shadow is then as the projection left it. */
    void flush() {
        keepCurrent();
        for (int round = 0; ; round++) {
            Map<String, List<Object[]>> alike = new LinkedHashMap<>();
            for (List<Statement> statements : alerts) {
                if (round < statements.size()) {
                    Statement statement = statements.get(round);
                    alike.computeIfAbsent(statement.sql(), sql -> new ArrayList<>())
                            .add(statement.args());
                }
            }
            if (alike.isEmpty()) {
                break;
            }
            alike.forEach(this::send);
        }
        alerts.clear();
    }

    /** One batch of alike statements. */
    void send(String sql, List<Object[]> rows) {
        batchUpdate(sql, rows);
    }

    private void keepCurrent() {
        if (!current.isEmpty()) {
            alerts.add(current);
            current = new ArrayList<>();
        }
    }
}
