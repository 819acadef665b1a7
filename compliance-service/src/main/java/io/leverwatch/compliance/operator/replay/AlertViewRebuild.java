package io.leverwatch.compliance.operator.replay;

import io.leverwatch.compliance.alert.Alert;
import io.leverwatch.compliance.query.AlertChanged;
import io.leverwatch.compliance.query.AlertProjection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the alert read model ({@code alert_view}, {@code alert_history}) from the Alert aggregates' events in
 * the store, in a shadow, and swaps in only what differs: the dashboard keeps reading the last good view throughout
 * and no unchanged alert is announced again.
 *
 * <p>The shadow is two temporary tables named like the live ones, created in the rebuild's transaction: PostgreSQL
 * looks temporary tables up first, so the live processor's {@link AlertProjection}, fed the events directly, writes
 * into the shadow (once the connection's prepared statements, bound to the live tables, are dropped), through a
 * template that sends its statements in batches across alerts ({@link ShadowWrites}). It runs inside a unit of work that is rolled back, never committed, so that the
 * projection's announcements ({@link AlertChanged}, sent after commit) are dropped; the rebuild announces the alerts
 * it actually changed once its transaction is committed. The swap locks the live tables against writers only (the
 * live projection waits; readers go on with the old rows until the commit), brings the shadow up to the store's last
 * event of each alert, and replaces the rows that differ.
 */
@Component
class AlertViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(AlertViewRebuild.class);

    /**
     * The Alert aggregates' events, as the statements name them: a literal (the aggregate's type, not input), so that
     * PostgreSQL reads them by their partial index ({@code domainevententry_alert_events}) rather than the whole store.
     */
    static final String ALERT_EVENTS = "type = '" + Alert.class.getSimpleName() + "'";

    private static final String SHADOW = " including defaults including constraints including generated";
    private static final String EVENT_COLUMNS =
            "eventidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final AlertProjection projection;
    private final ApplicationEventPublisher publisher;

    AlertViewRebuild(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer serializer,
            AlertProjection projection,
            ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.serializer = serializer;
        this.projection = projection;
        this.publisher = publisher;
    }

    /** What a rebuild changed in the live read model. */
    record Result(int alertsRebuilt, List<String> viewsChanged, List<String> historiesChanged) {

        /** This rebuild's changes and a later one's: each alert changed by either, once. */
        Result and(Result later) {
            return new Result(
                    alertsRebuilt + later.alertsRebuilt,
                    union(viewsChanged, later.viewsChanged),
                    union(historiesChanged, later.historiesChanged));
        }

        private static List<String> union(List<String> first, List<String> second) {
            Set<String> both = new LinkedHashSet<>(first);
            both.addAll(second);
            return List.copyOf(both);
        }
    }

    /** Progress of a rebuild, alert by alert. */
    interface Progress {
        void alertsToRebuild(int count);

        void alertRebuilt();
    }

    /**
     * @param scope the alerts to rebuild; null for all of them (a row of the live view whose alert has no event in
     *     the store is then removed)
     */
    Result rebuild(Collection<String> scope, Progress progress) {
        Result result = transactions.execute(status -> inShadow(scope, progress));
        // Announced only once committed, and only what changed: the dashboards fetch the alert as it now is.
        result.viewsChanged().forEach(id -> publisher.publishEvent(new AlertChanged(id)));
        return result;
    }

    private Result inShadow(Collection<String> scope, Progress progress) {
        long started = System.nanoTime();
        String live = jdbc.queryForObject("select current_schema()", String.class) + ".";
        // The shadow has the live tables' columns and constraints but only the keys the projection's upserts name:
        // nothing reads it but by alert, and the live view's four listing indexes would cost every insert of the
        // rebuild four more index entries.
        jdbc.execute("create temp table alert_view (like " + live + "alert_view" + SHADOW + ") on commit drop");
        jdbc.execute("alter table alert_view add primary key (alert_id)");
        jdbc.execute("create temp table alert_history (like " + live + "alert_history" + SHADOW + ") on commit drop");
        jdbc.execute("alter table alert_history add primary key (alert_id, sequence)");
        jdbc.execute("create temp table replay_scope (alert_id varchar(255) primary key) on commit drop");
        forgetPreparedStatements();
        ShadowProjection shadow = new ShadowProjection();
        if (scope == null) {
            jdbc.update("insert into replay_scope select distinct aggregateidentifier from domainevententry where "
                    + ALERT_EVENTS + " union select alert_id from " + live + "alert_view");
        } else {
            jdbc.batchUpdate(
                    "insert into replay_scope values (?) on conflict do nothing",
                    scope.stream().map(id -> new Object[] {id}).toList());
        }
        List<String> alertIds = jdbc.queryForList("select alert_id from replay_scope order by alert_id", String.class);
        progress.alertsToRebuild(alertIds.size());
        long scoped = System.nanoTime();

        if (scope == null) {
            int withEvents = applyEveryAlertsEvents(shadow, progress);
            // The rest are rows of the live view whose alert has no event: nothing to apply, and gone after the swap.
            for (int i = withEvents; i < alertIds.size(); i++) {
                progress.alertRebuilt();
            }
        } else {
            for (String alertId : alertIds) {
                shadow.apply(events(alertId, 0));
                progress.alertRebuilt();
            }
        }
        shadow.writes.flush();
        long applied = System.nanoTime();
        jdbc.execute("lock table " + live + "alert_view, " + live + "alert_history in share row exclusive mode");
        catchUp(shadow);
        shadow.writes.flush();
        long caughtUp = System.nanoTime();
        Result result = swap(live, alertIds.size());
        log.info(
                "alert view rebuilt in a shadow: {} alerts; scope {} ms, events applied {} ms, caught up {} ms,"
                        + " swapped {} ms; {} views and {} histories changed",
                alertIds.size(),
                (scoped - started) / 1_000_000,
                (applied - scoped) / 1_000_000,
                (caughtUp - applied) / 1_000_000,
                (System.nanoTime() - caughtUp) / 1_000_000,
                result.viewsChanged().size(),
                result.historiesChanged().size());
        return result;
    }

    /**
     * A statement the server prepared on this pooled connection before the shadow existed is bound to the live table
     * of its name, and would go on writing there. Dropping every prepared statement of the connection (the driver
     * forgets its own on this command too) makes the next ones resolve names again, to the shadow while it exists.
     * After the commit drops the shadow, the server re-plans those statements on the live tables by itself.
     */
    private void forgetPreparedStatements() {
        jdbc.execute("deallocate all");
    }

    // Under the lock: events stored since the alert was read are applied too, so the shadow is not behind the store.
    private void catchUp(ShadowProjection projection) {
        Map<String, Long> shadow = new HashMap<>();
        jdbc.query("select alert_id, last_sequence from alert_view", rs -> {
            shadow.put(rs.getString("alert_id"), rs.getLong("last_sequence"));
        });
        jdbc.query(
                "select d.aggregateidentifier, max(d.sequencenumber) as last from domainevententry d"
                        + " join replay_scope s on s.alert_id = d.aggregateidentifier"
                        + " where d." + ALERT_EVENTS + " group by d.aggregateidentifier",
                rs -> {
                    String alertId = rs.getString("aggregateidentifier");
                    Long applied = shadow.get(alertId);
                    if (applied == null || applied < rs.getLong("last")) {
                        projection.apply(events(alertId, applied == null ? 0 : applied + 1));
                    }
                });
    }

    /**
     * Every alert's events, in one scan in alert and sequence order (instead of a query per alert), each alert's
     * applied once all are read; one alert's events in memory at a time.
     *
     * @return how many alerts had events
     */
    private int applyEveryAlertsEvents(ShadowProjection shadow, Progress progress) {
        List<DomainEventMessage<?>> current = new ArrayList<>();
        int[] alerts = {0};
        Runnable applyCurrent = () -> {
            shadow.apply(current);
            progress.alertRebuilt();
            alerts[0]++;
            current.clear();
        };
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("select aggregateidentifier, "
                            + EVENT_COLUMNS + " from domainevententry where " + ALERT_EVENTS
                            + " order by aggregateidentifier, sequencenumber");
                    statement.setFetchSize(1_000);
                    return statement;
                },
                (ResultSet rs) -> {
                    String alertId = rs.getString("aggregateidentifier");
                    if (!current.isEmpty()
                            && !current.get(0).getAggregateIdentifier().equals(alertId)) {
                        applyCurrent.run();
                    }
                    current.add(message(rs, alertId));
                });
        if (!current.isEmpty()) {
            applyCurrent.run();
        }
        return alerts[0];
    }

    /**
     * The alert's events from the given sequence number, read on the rebuild's own connection and transaction (not
     * through Axon's connection provider, which ties connections to units of work), every one from the first: never
     * from a snapshot.
     */
    private List<DomainEventMessage<?>> events(String alertId, long from) {
        return jdbc.query(
                "select " + EVENT_COLUMNS + " from domainevententry where aggregateidentifier = ? and sequencenumber"
                        + " >= ? order by sequencenumber",
                (rs, row) -> message(rs, alertId),
                alertId,
                from);
    }

    private DomainEventMessage<?> message(ResultSet rs, String alertId) throws SQLException {
        return new GenericDomainEventMessage<>(
                rs.getString("type"),
                alertId,
                rs.getLong("sequencenumber"),
                serializer.deserialize(new SimpleSerializedObject<>(
                        rs.getBytes("payload"),
                        byte[].class,
                        rs.getString("payloadtype"),
                        rs.getString("payloadrevision"))),
                rs.getBytes("metadata") == null ? MetaData.emptyInstance() : metaData(rs.getBytes("metadata")),
                rs.getString("eventidentifier"),
                Instant.parse(rs.getString("timestamp")));
    }

    private MetaData metaData(byte[] serialized) {
        Map<String, ?> values = serializer.deserialize(
                new SimpleSerializedObject<>(serialized, byte[].class, MetaData.class.getName(), null));
        return MetaData.from(values);
    }

    /**
     * The live view's projection, writing into the shadow through {@link ShadowWrites}: its statements are batched
     * across alerts and sent by {@code writes.flush()}, which the rebuild calls before it reads the shadow.
     */
    private final class ShadowProjection {

        final ShadowWrites writes = new ShadowWrites(jdbc.getDataSource());
        private final AnnotationEventHandlerAdapter handlers =
                new AnnotationEventHandlerAdapter(projection.writingThrough(writes));

        /** One alert's events, in order. */
        void apply(List<DomainEventMessage<?>> messages) {
            if (messages.isEmpty()) {
                return;
            }
            // In a unit of work that is rolled back: the projection's announcements, made after commit, are dropped.
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(messages.get(0));
            try {
                for (DomainEventMessage<?> message : messages) {
                    handlers.handle(message);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "cannot project the events of " + messages.get(0).getAggregateIdentifier(), e);
            } finally {
                unitOfWork.rollback();
            }
            writes.alertDone();
        }
    }

    private Result swap(String live, int rebuilt) {
        // Never a step back: should the live view be ahead of the shadow for an alert, it is left as it is.
        jdbc.execute("create temp table replay_behind on commit drop as select s.alert_id from alert_view s" + " join "
                + live + "alert_view v on v.alert_id = s.alert_id where s.last_sequence < v.last_sequence");
        jdbc.execute("create temp table replay_changed_views on commit drop as"
                + " select coalesce(s.alert_id, v.alert_id) as alert_id from alert_view s"
                + " full join (select * from " + live
                + "alert_view where alert_id in (select alert_id from replay_scope))"
                + " v on v.alert_id = s.alert_id where to_jsonb(s) is distinct from to_jsonb(v)"
                + " and coalesce(s.alert_id, v.alert_id) not in (select alert_id from replay_behind)");
        jdbc.execute("create temp table replay_changed_histories on commit drop as select distinct alert_id from ("
                + "(select * from alert_history except select * from " + live + "alert_history"
                + " where alert_id in (select alert_id from replay_scope))"
                + " union all (select * from " + live + "alert_history where alert_id in (select alert_id from"
                + " replay_scope) except select * from alert_history)) differing"
                + " where alert_id not in (select alert_id from replay_behind)");
        jdbc.update("delete from " + live + "alert_view where alert_id in (select alert_id from replay_changed_views)");
        jdbc.update("insert into " + live + "alert_view select * from alert_view"
                + " where alert_id in (select alert_id from replay_changed_views)");
        jdbc.update("delete from " + live + "alert_history"
                + " where alert_id in (select alert_id from replay_changed_histories)");
        jdbc.update("insert into " + live + "alert_history select * from alert_history"
                + " where alert_id in (select alert_id from replay_changed_histories)");
        return new Result(
                rebuilt,
                jdbc.queryForList("select alert_id from replay_changed_views order by alert_id", String.class),
                jdbc.queryForList("select alert_id from replay_changed_histories order by alert_id", String.class));
    }
}
