package io.leverwatch.platform.faults;

import io.leverwatch.infra.EmbeddedDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What compliance-service stored, read straight from its schema as an auditor would: the inbox (through its
 * per-contract index), the alert view, and the Alert aggregates' events in the event store, the source of truth on
 * how often an alert was raised or acted on.
 */
public final class ComplianceRecords {

    private static final String ALERT_EVENT = "io.leverwatch.compliance.alert.";

    private final JdbcTemplate jdbc;

    public ComplianceRecords(EmbeddedDatabase database) {
        this.jdbc = new JdbcTemplate(
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }

    /** Events of the run's contracts in the inbox (each event id is there at most once: a unique key). */
    public int inboxEvents(LeverageWorkload run) {
        return jdbc.queryForObject(
                "select count(*) from compliance.inbox_index where contract_id like ?",
                Integer.class,
                run.prefix() + "%");
    }

    /** How many alerts the view shows per contract of the run. */
    public Map<String, Integer> alertsPerContract(LeverageWorkload run) {
        Map<String, Integer> alerts = new HashMap<>();
        jdbc.query(
                "select contract_id, count(*) from compliance.alert_view where contract_id like ? group by contract_id",
                rs -> {
                    alerts.put(rs.getString(1), rs.getInt(2));
                },
                run.prefix() + "%");
        return alerts;
    }

    /** How many AlertRaised events the event store holds per alert of the run's contracts. */
    public Map<String, Integer> raisedPerAlert(LeverageWorkload run) {
        Map<String, Integer> raised = new HashMap<>();
        jdbc.query(
                "select e.aggregateidentifier, count(*) from compliance.domainevententry e"
                        + " join compliance.alert_view v on v.alert_id = e.aggregateidentifier"
                        + " where v.contract_id like ? and e.payloadtype = ? group by e.aggregateidentifier",
                rs -> {
                    raised.put(rs.getString(1), rs.getInt(2));
                },
                run.prefix() + "%",
                ALERT_EVENT + "AlertRaised");
        return raised;
    }

    /** The run's alerts, in a stable order. */
    public List<String> alertIds(LeverageWorkload run) {
        return jdbc.queryForList(
                "select alert_id from compliance.alert_view where contract_id like ? order by contract_id, alert_id",
                String.class,
                run.prefix() + "%");
    }

    /** How many events of this type (AlertAcknowledged, AlertCommented…) the alert's stream holds. */
    public int alertEvents(String alertId, String type) {
        return jdbc.queryForObject(
                "select count(*) from compliance.domainevententry where aggregateidentifier = ? and payloadtype = ?",
                Integer.class,
                alertId,
                ALERT_EVENT + type);
    }

    public String status(String alertId) {
        return jdbc.queryForObject(
                "select status from compliance.alert_view where alert_id = ?", String.class, alertId);
    }

    /** The alert's audit trail as the dashboard shows it: what happened, by whom. */
    public List<String> history(String alertId) {
        return jdbc.queryForList(
                "select what || ' by ' || actor from compliance.alert_history where alert_id = ? order by sequence",
                String.class,
                alertId);
    }

    /** Who holds each segment of a tracking processor (null: nobody), by segment. */
    public Map<Integer, String> segmentOwners(String processor) {
        Map<Integer, String> owners = new HashMap<>();
        jdbc.query(
                "select segment, owner from compliance.tokenentry where processorname = ?",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                },
                processor);
        return owners;
    }
}
