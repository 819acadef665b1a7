package io.leverwatch.bench;

import io.leverwatch.platform.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC on the platform's PostgreSQL, outside the services: what the bench counts and its raw baselines. */
final class Database {

    private final Platform platform;

    Database(Platform platform) {
        this.platform = platform;
    }

    Connection connect() throws SQLException {
        var db = platform.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    long count(String sql) throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Inbox events stored (compliance's index of its inbox, written in the append's transaction). */
    long inboxEvents() throws SQLException {
        return count("select count(*) from compliance.inbox_index");
    }

    /**
     * Whether the saga's processor has handled every event stored so far: each segment's token is at or past the
     * store's last event (the token is Axon's JSON, whose {@code index} is the last global index handled).
     */
    boolean sagaCaughtUp() throws SQLException {
        long last = count("select coalesce(max(globalindex), 0) from compliance.domainevententry");
        long behind = count("select count(*) from compliance.tokenentry where processorname = 'access-leverage-saga'"
                + " and (token is null or (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint < " + last + ")");
        return behind == 0;
    }
}
