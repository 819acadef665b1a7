package io.leverwatch.compliance.saga;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaStorageException;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.axonframework.serialization.Serializer;

/**
 * Writes many sagas at once into the tables of Axon's JDBC saga store: the same rows as its {@code insertSaga} and
 * {@code updateSaga}, but a batch's sagas in one JDBC batch per statement instead of one round trip per saga and per
 * association ({@link BatchingSagaStore}).
 */
public class SagaWrites {

    private final ConnectionProvider connections;
    private final SagaSchema schema;
    private final Serializer serializer;

    /**
     * @param connections the store's connections (joining the caller's transaction)
     * @param schema the store's SQL schema (its tables and columns)
     * @param serializer the store's serializer
     */
    public SagaWrites(ConnectionProvider connections, GenericSagaSqlSchema schema, Serializer serializer) {
        this.connections = connections;
        this.schema = schema.sagaSchema();
        this.serializer = serializer;
    }

    /** An empty set of writes, to be collected, then {@linkplain Pending#flush() flushed}. */
    public Pending pending() {
        return new Pending();
    }

    /** Sagas to insert and to update, each serialised when it was handed over, with its association changes. */
    public final class Pending {

        private final List<Write> inserts = new ArrayList<>();
        private final List<Write> updates = new ArrayList<>();

        private Pending() {}

        /** As the store's {@code insertSaga}: the saga and all its associations. */
        public void insert(Class<?> sagaType, String sagaId, Object saga, Set<AssociationValue> associations) {
            inserts.add(new Write(
                    typeName(sagaType), new SagaEntry<>(saga, sagaId, serializer), Set.copyOf(associations), Set.of()));
        }

        /**
         * As the store's {@code updateSaga}: the saga, and the associations added and removed since it was loaded
         * (copied now: the repository clears them once the store returns).
         */
        public void update(
                Class<?> sagaType,
                String sagaId,
                Object saga,
                Set<AssociationValue> added,
                Set<AssociationValue> removed) {
            updates.add(new Write(
                    typeName(sagaType),
                    new SagaEntry<>(saga, sagaId, serializer),
                    Set.copyOf(added),
                    Set.copyOf(removed)));
        }

        /**
         * Writes everything handed over, in the caller's transaction: the new sagas, the changed ones, then the
         * associations. As the store does, the associations of a saga whose row was not there to update are left.
         */
        public void flush() {
            if (inserts.isEmpty() && updates.isEmpty()) {
                return;
            }
            Connection connection = null;
            try {
                connection = connections.getConnection();
                List<Write> written = new ArrayList<>(inserts);
                insertSagas(connection, inserts);
                written.addAll(updateSagas(connection, updates));
                changeAssociations(connection, written);
                inserts.clear();
                updates.clear();
            } catch (SQLException e) {
                throw new SagaStorageException("could not write the batch's sagas", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        }
    }

    private record Write(
            String typeName, SagaEntry<?> entry, Set<AssociationValue> added, Set<AssociationValue> removed) {}

    private void insertSagas(Connection connection, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        String sql = "insert into " + schema.sagaEntryTable() + " (" + schema.sagaIdColumn() + ", "
                + schema.revisionColumn() + ", " + schema.sagaTypeColumn() + ", " + schema.serializedSagaColumn()
                + ") values (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Write write : writes) {
                statement.setString(1, write.entry().getSagaId());
                statement.setString(2, write.entry().getRevision());
                statement.setString(3, write.entry().getSagaType());
                statement.setBytes(4, write.entry().getSerializedSaga());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    // As the store's update: by saga id only. Returns the writes whose saga was there to update.
    private List<Write> updateSagas(Connection connection, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return List.of();
        }
        String sql = "update " + schema.sagaEntryTable() + " set " + schema.serializedSagaColumn() + " = ?, "
                + schema.revisionColumn() + " = ? where " + schema.sagaIdColumn() + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Write write : writes) {
                statement.setBytes(1, write.entry().getSerializedSaga());
                statement.setString(2, write.entry().getRevision());
                statement.setString(3, write.entry().getSagaId());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            List<Write> updated = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    updated.add(writes.get(i));
                }
            }
            return updated;
        }
    }

    private void changeAssociations(Connection connection, List<Write> writes) throws SQLException {
        String table = schema.associationValueEntryTable();
        String insert = "insert into " + table + " (" + schema.associationKeyColumn() + ", "
                + schema.associationValueColumn() + ", " + schema.sagaTypeColumn() + ", " + schema.sagaIdColumn()
                + ") values (?, ?, ?, ?)";
        String delete = "delete from " + table + " where " + schema.associationKeyColumn() + " = ? and "
                + schema.associationValueColumn() + " = ? and " + schema.sagaTypeColumn() + " = ? and "
                + schema.sagaIdColumn() + " = ?";
        try (PreparedStatement inserts = connection.prepareStatement(insert);
                PreparedStatement deletes = connection.prepareStatement(delete)) {
            boolean inserted = false;
            boolean deleted = false;
            for (Write write : writes) {
                for (AssociationValue value : write.added()) {
                    bind(inserts, value, write);
                    inserted = true;
                }
                for (AssociationValue value : write.removed()) {
                    bind(deletes, value, write);
                    deleted = true;
                }
            }
            if (inserted) {
                inserts.executeBatch();
            }
            if (deleted) {
                deletes.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement statement, AssociationValue value, Write write) throws SQLException {
        statement.setString(1, value.getKey());
        statement.setString(2, value.getValue());
        statement.setString(3, write.typeName());
        statement.setString(4, write.entry().getSagaId());
        statement.addBatch();
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }
}
