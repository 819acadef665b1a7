package io.leverwatch.bench;

import io.leverwatch.platform.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

/**
 * Plain JDBC on the platform's PostgreSQL, outside the services: what the bench counts and its raw baselines.
 *
 * <p>Counts, among them the progress probes ({@link #inboxEvents()}, {@link #sagaCaughtUp()}, {@link #sagaBehind()})
 * asked twenty times a second while a load runs, share one connection and read a few rows each: the database they
 * watch is the one under test, and a probe that opened a connection (a PostgreSQL backend started each time) or
 * counted the inbox's rows (a scan that grows with it) took a quarter of its time from the services it measured.
 */
final class Database implements AutoCloseable {

    // The saga's tokens, and the last global index each has handled (Axon's JSON token; its index).
    private static final String SAGA_TOKENS =
            " from compliance.tokenentry where processorname = 'access-leverage-saga'";
    private static final String HANDLED = "(convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint";
    private static final String LAST_STORED = "(select coalesce(max(globalindex), 0) from compliance.domainevententry)";

    private final Platform platform;
    private Connection shared;

    Database(Platform platform) {
        this.platform = platform;
    }

    /**
     * A connection with the driver settings the services get from the kit (a batch of inserts sent as multi-row
     * inserts), so that the raw insert baseline measures what the services could reach.
     */
    Connection connect() throws SQLException {
        var db = platform.database();
        Properties properties = new Properties();
        properties.setProperty("user", db.username());
        properties.setProperty("password", db.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    void execute(String sql) throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Inbox events stored: the position of the inbox's hash chain, which links every event the inbox stores in the
     * append's transaction (one row, where counting the inbox's index is a scan of every event).
     */
    long inboxEvents() throws SQLException {
        return count("select position from compliance.inbox_chain_head where id = 1");
    }

    /**
     * Whether the saga's processor has handled every event stored so far: each segment's token is at or past the
     * store's last event (the token is Axon's JSON, whose {@code index} is the last global index handled).
     */
    boolean sagaCaughtUp() throws SQLException {
        return count("select count(*)" + SAGA_TOKENS + " and (token is null or " + HANDLED + " < " + LAST_STORED + ")")
                == 0;
    }

    /**
     * How far the saga's processor is behind the store: the store's last global index less the lowest its segments
     * have handled (for the progress lines; gaps aside, the events it has still to handle).
     */
    long sagaBehind() throws SQLException {
        return count("select " + LAST_STORED + " - coalesce(min(" + HANDLED + "), 0)" + SAGA_TOKENS);
    }

    /** A one-value query on the shared connection, opened at the first and again after a failure. */
    synchronized long count(String sql) throws SQLException {
        if (shared == null || shared.isClosed()) {
            shared = connect();
        }
        try (var statement = shared.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (shared != null) {
            try {
                shared.close();
            } catch (SQLException ignored) {
                // closing a connection that failed: nothing left to release
            } finally {
                shared = null;
            }
        }
    }

    /** When the inbox received the contract's last event (its own clock: the wall clock). */
    Instant lastReceived(String contractId) throws SQLException {
        return instant("select max(received_at) from compliance.inbox_index where contract_id = ?", contractId);
    }

    /**
     * When the contract's first alert was raised: the first event of its Alert aggregate (AlertRaised, which the
     * saga's command stored; Axon stamps an event with the wall clock when it is created, and stores the stamp as
     * ISO-8601 text). Found through the alert view and the store's aggregate key: searching the store's payloads for
     * the contract took a full scan an alert, minutes at 100,000 contracts.
     */
    Instant firstRaised(String contractId) throws SQLException {
        try (var connection = connect();
                var statement = connection.prepareStatement("select min(d.timestamp) from compliance.alert_view v"
                        + " join compliance.domainevententry d on d.aggregateidentifier = v.alert_id"
                        + " and d.sequencenumber = 0 where v.contract_id = ?")) {
            statement.setString(1, contractId);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getString(1) != null ? Instant.parse(result.getString(1)) : null;
            }
        }
    }

    /**
     * The alerts not retracted of the contracts whose id starts with the prefix, in the alert view (what the API
     * lists): adds each contract to {@code contracts}, returns how many alerts.
     */
    int alertsByContract(String prefix, Set<String> contracts) throws SQLException {
        int count = 0;
        try (var connection = connect();
                var statement = connection.prepareStatement("select contract_id from compliance.alert_view"
                        + " where contract_id like ? and status <> 'RETRACTED'")) {
            statement.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    contracts.add(result.getString(1));
                    count++;
                }
            }
        }
        return count;
    }

    private Instant instant(String sql, String parameter) throws SQLException {
        try (var connection = connect();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var result = statement.executeQuery()) {
                var time = result.next() ? result.getTimestamp(1) : null;
                return time == null ? null : time.toInstant();
            }
        }
    }
}
