package io.leverwatch.compliance.saga;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaStorageException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Reads the sagas of many association values at once, from the tables of Axon's JDBC saga store, in three queries:
 * the sagas holding the values, all the associations of those sagas, the sagas themselves. What a saga processor's
 * batch needs ({@link BatchingSagaStore}), and the replay's slice of contracts.
 */
public class SagaReads {

    private final ConnectionProvider connections;
    private final GenericSagaSqlSchema sqlSchema;
    private final SagaSchema schema;
    private final Serializer serializer;

    /**
     * @param connections the store's connections (joining the caller's transaction, if any)
     * @param schema the store's SQL schema (tables, columns, how a serialised saga is read)
     * @param serializer the store's serializer
     */
    public SagaReads(ConnectionProvider connections, GenericSagaSqlSchema schema, Serializer serializer) {
        this.connections = connections;
        this.sqlSchema = schema;
        this.schema = schema.sagaSchema();
        this.serializer = serializer;
    }

    /** Every saga of the type that one of the values associates, with all its associations. */
    public Sagas read(Class<?> sagaType, Collection<AssociationValue> values) {
        if (values.isEmpty()) {
            return new Sagas(sagaType, Set.of(), Map.of(), new HashMap<>());
        }
        String typeName = typeName(sagaType);
        Map<String, Set<AssociationValue>> associations = associationsOfSagasWith(typeName, values);
        return new Sagas(sagaType, Set.copyOf(values), associations, sagas(typeName, associations.keySet()));
    }

    /** What one read found: the values asked, the sagas of each, their associations, and the sagas not taken yet. */
    public final class Sagas {

        private final Class<?> sagaType;
        private final Set<AssociationValue> values;
        private final Map<AssociationValue, Set<String>> sagaIds = new HashMap<>();
        private final Map<String, Set<AssociationValue>> associations;
        private final Map<String, SerializedObject<?>> serialized;

        private Sagas(
                Class<?> sagaType,
                Set<AssociationValue> values,
                Map<String, Set<AssociationValue>> associations,
                Map<String, SerializedObject<?>> serialized) {
            this.sagaType = sagaType;
            this.values = values;
            this.associations = associations;
            this.serialized = serialized;
            associations.forEach((sagaId, held) -> held.forEach(value ->
                    sagaIds.computeIfAbsent(value, v -> new TreeSet<>()).add(sagaId)));
        }

        /** Whether this read can answer for the value: it was asked, for this type. */
        public boolean answers(Class<?> type, AssociationValue value) {
            return sagaType.equals(type) && values.contains(value);
        }

        /** The sagas the value associates, in id order. */
        public SortedSet<String> sagasOf(AssociationValue value) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(sagaIds.getOrDefault(value, Set.of())));
        }

        /**
         * The saga, deserialised, with its associations; once (what is taken is forgotten, as a caller loads a saga
         * once). Null when this read did not find it, or it was taken.
         */
        public <S> SagaStore.Entry<S> take(Class<S> type, String sagaId) {
            Stored stored = takeStored(type, sagaId);
            if (stored == null) {
                return null;
            }
            Set<AssociationValue> held = stored.associations();
            S loaded = serializer.deserialize(stored.saga());
            return new SagaStore.Entry<>() {
                @Override
                public Set<AssociationValue> associationValues() {
                    return held;
                }

                @Override
                public S saga() {
                    return loaded;
                }
            };
        }

        /**
         * The saga as stored, not deserialised, with its associations; once, like {@link #take}. Null when this read
         * did not find it, or it was taken.
         */
        public Stored takeStored(Class<?> type, String sagaId) {
            SerializedObject<?> saga = sagaType.equals(type) ? serialized.remove(sagaId) : null;
            Set<AssociationValue> held = associations.get(sagaId);
            return saga == null || held == null ? null : new Stored(saga, held);
        }
    }

    /** A saga as its row holds it, not deserialised, with its associations. */
    public record Stored(SerializedObject<?> saga, Set<AssociationValue> associations) {}

    // Every association of every saga that holds one of the values: the look-up's answer and the sagas' entries. Two
    // plain queries on one table each rather than one self-join, whose plan on a table still growing (statistics of
    // an empty table) was once a nested loop of sequential scans: 0.7 s a batch.
    //
    // Each query probes its index once per value asked (unnest, then a lateral subquery that "offset 0" keeps from
    // being flattened into a join), whatever the table's statistics say. Written as "column = any(?)", the plan
    // depended on them: before autovacuum's first analyze the planner takes the saga type for a rare value, walks the
    // whole (sagaType, ...) index and filters every row against the array — 15 to 26 ms a query at 20,000 sagas
    // instead of 0.4, in some runs for the whole of the bench's measured load (BENCHMARKS.md, eighth session).
    private Map<String, Set<AssociationValue>> associationsOfSagasWith(
            String typeName, Collection<AssociationValue> values) {
        Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
        values.forEach(value -> valuesByKey
                .computeIfAbsent(value.getKey(), key -> new ArrayList<>())
                .add(value.getValue()));
        Set<String> sagaIds = new HashSet<>();
        String find = "select found.id from unnest(?) as wanted(value) cross join lateral (select "
                + schema.sagaIdColumn() + " as id from " + schema.associationValueEntryTable() + " where "
                + schema.sagaTypeColumn() + " = ? and " + schema.associationKeyColumn() + " = ? and "
                + schema.associationValueColumn() + " = wanted.value offset 0) as found";
        valuesByKey.forEach((key, keyValues) -> sagaIds.addAll(query(
                find,
                (connection, statement) -> {
                    statement.setArray(1, connection.createArrayOf("varchar", keyValues.toArray()));
                    statement.setString(2, typeName);
                    statement.setString(3, key);
                },
                resultSet -> {
                    List<String> ids = new ArrayList<>();
                    while (resultSet.next()) {
                        ids.add(resultSet.getString(1));
                    }
                    return ids;
                })));
        if (sagaIds.isEmpty()) {
            return new HashMap<>();
        }
        String associations = "select held.id, held.k, held.v from unnest(?) as wanted(id) cross join lateral (select "
                + schema.sagaIdColumn() + " as id, " + schema.associationKeyColumn() + " as k, "
                + schema.associationValueColumn() + " as v, " + schema.sagaTypeColumn() + " as t from "
                + schema.associationValueEntryTable() + " where " + schema.sagaIdColumn() + " = wanted.id offset 0)"
                + " as held where held.t = ?";
        return query(
                associations,
                (connection, statement) -> {
                    statement.setArray(1, connection.createArrayOf("varchar", sagaIds.toArray()));
                    statement.setString(2, typeName);
                },
                resultSet -> {
                    Map<String, Set<AssociationValue>> bySaga = new HashMap<>();
                    while (resultSet.next()) {
                        bySaga.computeIfAbsent(resultSet.getString(1), id -> new HashSet<>())
                                .add(new AssociationValue(resultSet.getString(2), resultSet.getString(3)));
                    }
                    return bySaga;
                });
    }

    // The sagas, serialised, read as the store reads one (same columns, same schema's reader).
    private Map<String, SerializedObject<?>> sagas(String typeName, Set<String> sagaIds) {
        if (sagaIds.isEmpty()) {
            return new HashMap<>();
        }
        String sql = "select saga.* from unnest(?) as wanted(id) cross join lateral (select "
                + schema.serializedSagaColumn() + ", " + schema.sagaTypeColumn() + ", " + schema.revisionColumn() + ", "
                + schema.sagaIdColumn() + " from " + schema.sagaEntryTable() + " where " + schema.sagaIdColumn()
                + " = wanted.id offset 0) as saga where saga." + schema.sagaTypeColumn() + " = ?";
        return query(
                sql,
                (connection, statement) -> {
                    statement.setArray(1, connection.createArrayOf("varchar", sagaIds.toArray()));
                    statement.setString(2, typeName);
                },
                resultSet -> {
                    Map<String, SerializedObject<?>> sagas = new HashMap<>();
                    while (resultSet.next()) {
                        sagas.put(resultSet.getString(4), sqlSchema.readSerializedSaga(resultSet));
                    }
                    return sagas;
                });
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private interface Reader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    private <R> R query(String sql, Binder binder, Reader<R> reader) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(connection, statement);
                try (ResultSet resultSet = statement.executeQuery()) {
                    return reader.read(resultSet);
                }
            }
        } catch (SQLException e) {
            throw new SagaStorageException("could not read sagas and their associations", e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }
}
