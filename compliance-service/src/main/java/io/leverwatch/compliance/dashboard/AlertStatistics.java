package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.alert.AlertStatus;
import io.leverwatch.compliance.leverage.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the top of the dashboard counts, read from the alert read model ({@code alert_view}); retracted alerts (late
 * evidence showed they never qualified) are never counted.
 */
@Component
class AlertStatistics {

    /** How many alerts of one severity were raised in one month (business time, UTC). */
    public record MonthCount(YearMonth month, Severity severity, long count) {}

    private final JdbcTemplate jdbc;

    AlertStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AlertCounts counts() {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<AlertStatus, Long> byStatus = new EnumMap<>(AlertStatus.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0L);
        }
        for (AlertStatus status : AlertStatus.values()) {
            if (status != AlertStatus.RETRACTED) {
                byStatus.put(status, 0L);
            }
        }
        long[] total = {0};
        jdbc.query(
                "select severity, status, count(*) as n from alert_view where status <> 'RETRACTED'"
                        + " group by severity, status",
                rs -> {
                    long n = rs.getLong("n");
                    bySeverity.merge(Severity.valueOf(rs.getString("severity")), n, Long::sum);
                    byStatus.merge(AlertStatus.valueOf(rs.getString("status")), n, Long::sum);
                    total[0] += n;
                });
        return new AlertCounts(bySeverity, byStatus, total[0]);
    }

    /** The agencies that have alerts, for the filter. */
    List<String> agencies() {
        return jdbc.queryForList(
                "select distinct agency_id from alert_view where agency_id is not null and status <> 'RETRACTED'"
                        + " order by agency_id",
                String.class);
    }

    /** The business time of the newest alert, if there is one. */
    Optional<Instant> latestRaisedAt() {
        Timestamp latest = jdbc.queryForObject(
                "select max(raised_at) from alert_view where status <> 'RETRACTED'", Timestamp.class);
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    /** The alerts raised from the start of {@code first} on, by month and severity. */
    List<MonthCount> raisedByMonth(YearMonth first) {
        Instant from = first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return jdbc.query(
                "select extract(year from raised_at at time zone 'UTC') as y,"
                        + " extract(month from raised_at at time zone 'UTC') as m, severity, count(*) as n"
                        + " from alert_view where status <> 'RETRACTED' and raised_at >= ? group by y, m, severity",
                (rs, row) -> new MonthCount(
                        YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getLong("n")),
                Timestamp.from(from));
    }

    /** Changes whenever an alert is added, removed or changed: every change raises an alert's last sequence. */
    String fingerprint() {
        return jdbc.queryForObject(
                "select count(*) || ':' || coalesce(sum(last_sequence), 0) from alert_view", String.class);
    }
}
