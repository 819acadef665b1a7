package io.leverwatch.compliance.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the alert read model. Every query is served by an index of {@code V100__alert_views.sql}. */
@Component
public class AlertQueries {

    private static final String COLUMNS = "alert_id, contract_id, agency_id, client_id, rule, severity, status,"
            + " raised_at, resolved_at, accounts, overdue_invoices, outstanding_total, outstanding_by_currency,"
            + " fixed_indemnity, recommendation, evidence, assignee, assigned_by, assigned_at, acknowledged_by,"
            + " acknowledged_at, dismissed_by, dismissed_at, dismissal_justification, retraction_reason,"
            + " superseded_by, first_recorded_at, last_changed_at, last_sequence";

    private final JdbcTemplate jdbc;
    private final AlertJson json;

    AlertQueries(JdbcTemplate jdbc, AlertJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The alerts the filter selects, most severe first, then the most recently raised: at most {@code limit + 1},
     * so that the caller can tell whether there were more.
     */
    public List<AlertView> find(AlertFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alert_view where true");
        List<Object> args = new ArrayList<>();
        if (filter.statuses().isEmpty()) {
            sql.append(" and status <> 'RETRACTED'");
        } else {
            in(sql, args, "status", filter.statuses());
        }
        in(sql, args, "severity", filter.severities());
        in(sql, args, "rule", filter.rules());
        if (filter.contractId() != null) {
            sql.append(" and contract_id = ?");
            args.add(filter.contractId());
        }
        if (filter.agencyId() != null) {
            sql.append(" and agency_id = ?");
            args.add(filter.agencyId());
        }
        sql.append(" order by severity_rank desc, raised_at desc, alert_id limit ?");
        args.add(filter.limit() + 1);
        return jdbc.query(sql.toString(), this::view, args.toArray());
    }

    public Optional<AlertView> find(String alertId) {
        return jdbc.query("select " + COLUMNS + " from alert_view where alert_id = ?", this::view, alertId).stream()
                .findFirst();
    }

    /** The alert with its whole history, oldest line first. */
    public Optional<AlertView> findWithHistory(String alertId) {
        return find(alertId).map(alert -> alert.withHistory(history(alertId)));
    }

    public List<HistoryEntry> history(String alertId) {
        return jdbc.query(
                "select sequence, event_id, what, actor, actor_kind, happened_at, summary, details"
                        + " from alert_history where alert_id = ? order by sequence",
                (rs, row) -> new HistoryEntry(
                        rs.getLong("sequence"),
                        rs.getString("event_id"),
                        rs.getString("what"),
                        rs.getString("actor"),
                        rs.getString("actor_kind"),
                        instant(rs, "happened_at"),
                        rs.getString("summary"),
                        json.read(rs.getString("details"))),
                alertId);
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" in (");
            sql.append(String.join(", ", values.stream().map(v -> "?").toList()));
            sql.append(")");
            args.addAll(values);
        }
    }

    private AlertView view(ResultSet rs, int row) throws SQLException {
        return new AlertView(
                rs.getString("alert_id"),
                rs.getString("contract_id"),
                rs.getString("agency_id"),
                rs.getString("client_id"),
                rs.getString("rule"),
                rs.getString("severity"),
                rs.getString("status"),
                instant(rs, "raised_at"),
                instant(rs, "resolved_at"),
                json.read(rs.getString("accounts")),
                json.read(rs.getString("overdue_invoices")),
                json.read(rs.getString("outstanding_total")),
                json.read(rs.getString("outstanding_by_currency")),
                json.read(rs.getString("fixed_indemnity")),
                json.read(rs.getString("recommendation")),
                json.read(rs.getString("evidence")),
                rs.getString("assignee"),
                rs.getString("assigned_by"),
                instant(rs, "assigned_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                rs.getString("dismissed_by"),
                instant(rs, "dismissed_at"),
                rs.getString("dismissal_justification"),
                rs.getString("retraction_reason"),
                rs.getString("superseded_by"),
                instant(rs, "first_recorded_at"),
                instant(rs, "last_changed_at"),
                rs.getLong("last_sequence"),
                null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
