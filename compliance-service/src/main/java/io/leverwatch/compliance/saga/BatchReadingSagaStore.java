package io.leverwatch.compliance.saga;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.SagaStorageException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The saga store as a saga's processor uses it: a batch's look-ups are read in two queries when it starts instead of
 * several per event. The saga manager calls {@link #readAhead} with the association values of every event of the
 * batch; for the rest of the batch's unit of work, finding the sagas of one of those values and loading one of the
 * sagas found are answered from what was read. Everything else, and every write, goes to the store behind.
 *
 * <p>What was read stays right for the batch: a processor's thread is the only one that writes the sagas of its
 * segment (a saga is created and changed only by the segment that holds it), and it writes them when the batch
 * commits, after which what was read is forgotten with the unit of work. A saga created during the batch is not in
 * what was read, and need not be: Axon's saga repository finds it among the batch's own sagas. A value the batch did
 * not announce, or a look-up outside a unit of work (the replay, a retried dead letter), goes to the store.
 */
public class BatchReadingSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> store;
    private final ConnectionProvider connections;
    private final GenericSagaSqlSchema sqlSchema;
    private final SagaSchema schema;
    private final Serializer serializer;
    private final String resourceKey = BatchReadingSagaStore.class.getName() + "@" + System.identityHashCode(this);

    /**
     * @param store the store behind, which writes and answers what was not read ahead
     * @param connections the store's connections (joining the processor's transaction)
     * @param schema the store's SQL schema (tables, columns, how a serialised saga is read)
     * @param serializer the store's serializer
     */
    public BatchReadingSagaStore(
            SagaStore<Object> store,
            ConnectionProvider connections,
            GenericSagaSqlSchema schema,
            Serializer serializer) {
        this.store = store;
        this.connections = connections;
        this.sqlSchema = schema;
        this.schema = schema.sagaSchema();
        this.serializer = serializer;
    }

    /**
     * Reads every saga of the type associated with one of the values, and all their associations, for the rest of the
     * current unit of work (its root: the processor's batch). Does nothing outside a unit of work.
     */
    public void readAhead(Class<?> sagaType, Collection<AssociationValue> values) {
        if (!CurrentUnitOfWork.isStarted() || values.isEmpty()) {
            return;
        }
        String typeName = typeName(sagaType);
        Map<String, Set<AssociationValue>> associations = associationsOfSagasWith(typeName, values);
        Map<String, SerializedObject<?>> sagas = sagas(typeName, associations.keySet());
        ReadAhead ahead = new ReadAhead(sagaType, Set.copyOf(values), new HashMap<>(), associations, sagas);
        associations.forEach((sagaId, held) -> held.forEach(value ->
                ahead.sagaIds().computeIfAbsent(value, v -> new TreeSet<>()).add(sagaId)));
        CurrentUnitOfWork.get().root().resources().put(resourceKey, ahead);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        ReadAhead ahead = readAhead(sagaType);
        if (ahead != null && ahead.values().contains(associationValue)) {
            return Set.copyOf(ahead.sagaIds().getOrDefault(associationValue, Set.of()));
        }
        return store.findSagas(sagaType, associationValue);
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        ReadAhead ahead = readAhead(sagaType);
        if (ahead != null) {
            // Loaded once a unit of work (Axon's repository keeps what it loaded): no need to keep it here.
            SerializedObject<?> saga = ahead.sagas().remove(sagaIdentifier);
            Set<AssociationValue> associations = ahead.associations().get(sagaIdentifier);
            if (saga != null && associations != null) {
                S loaded = serializer.deserialize(saga);
                return new Entry<>() {
                    @Override
                    public Set<AssociationValue> associationValues() {
                        return associations;
                    }

                    @Override
                    public S saga() {
                        return loaded;
                    }
                };
            }
        }
        return store.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        store.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        store.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        store.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    /** What one batch read: the values it announced, the sagas of each, and those sagas not loaded yet. */
    private record ReadAhead(
            Class<?> sagaType,
            Set<AssociationValue> values,
            Map<AssociationValue, Set<String>> sagaIds,
            Map<String, Set<AssociationValue>> associations,
            Map<String, SerializedObject<?>> sagas) {}

    private ReadAhead readAhead(Class<?> sagaType) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        ReadAhead ahead = CurrentUnitOfWork.get().root().getResource(resourceKey);
        return ahead != null && ahead.sagaType().equals(sagaType) ? ahead : null;
    }

    // Every association of every saga that holds one of the values: the look-up's answer and the sagas' entries. Two
    // plain queries on one table each rather than one self-join, whose plan on a table still growing (statistics of
    // an empty table) was once a nested loop of sequential scans: 0.7 s a batch.
    private Map<String, Set<AssociationValue>> associationsOfSagasWith(
            String typeName, Collection<AssociationValue> values) {
        Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
        values.forEach(value -> valuesByKey
                .computeIfAbsent(value.getKey(), key -> new ArrayList<>())
                .add(value.getValue()));
        Set<String> sagaIds = new HashSet<>();
        String find = "select " + schema.sagaIdColumn() + " from " + schema.associationValueEntryTable() + " where "
                + schema.sagaTypeColumn() + " = ? and " + schema.associationKeyColumn() + " = ? and "
                + schema.associationValueColumn() + " = any(?)";
        valuesByKey.forEach((key, keyValues) -> sagaIds.addAll(query(
                find,
                (connection, statement) -> {
                    statement.setString(1, typeName);
                    statement.setString(2, key);
                    statement.setArray(3, connection.createArrayOf("varchar", keyValues.toArray()));
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
        String associations = "select " + schema.sagaIdColumn() + ", " + schema.associationKeyColumn() + ", "
                + schema.associationValueColumn() + " from " + schema.associationValueEntryTable() + " where "
                + schema.sagaIdColumn() + " = any(?) and " + schema.sagaTypeColumn() + " = ?";
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
        String sql = "select " + schema.serializedSagaColumn() + ", " + schema.sagaTypeColumn() + ", "
                + schema.revisionColumn() + ", " + schema.sagaIdColumn() + " from " + schema.sagaEntryTable()
                + " where " + schema.sagaIdColumn() + " = any(?) and " + schema.sagaTypeColumn() + " = ?";
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
            throw new SagaStorageException("could not read the batch's sagas ahead", e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }
}
