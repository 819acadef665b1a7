package io.leverwatch.compliance.saga;

import java.util.Collection;
import java.util.Set;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga store as a saga's processor uses it: a batch's look-ups are read in a few queries when it starts, and its
 * writes made in a few JDBC batches when it commits, instead of round trips per event and per saga.
 *
 * <p>Reads: the saga manager calls {@link #readAhead} with the association values of every event of the batch; for
 * the rest of the batch's unit of work, finding the sagas of one of those values and loading one of the sagas found
 * are answered from what was read. Everything else goes to the store behind.
 *
 * <p>What was read stays right for the batch: a processor's thread is the only one that writes the sagas of its
 * segment (a saga is created and changed only by the segment that holds it), and it writes them when the batch
 * commits, after which what was read is forgotten with the unit of work. A saga created during the batch is not in
 * what was read, and need not be: Axon's saga repository finds it among the batch's own sagas. A value the batch did
 * not announce, or a look-up outside a unit of work (the replay, a retried dead letter), goes to the store.
 *
 * <p>Writes: the sagas a batch stores as it commits (Axon's repository stores each of its sagas in the batch's
 * prepare-commit phase) are serialised then, and written together just before its transaction commits
 * ({@link SagaWrites}): in the same transaction as the batch's token, so all or nothing as before. A failure to
 * write fails the commit, which rolls the batch back for its processor to retry. Writes made in a unit of work nested
 * in the batch (the batch retried event by event, each inside a savepoint), outside a unit of work, or without a
 * Spring transaction go to the store at once, as do deletions (the AccessLeverage saga never ends).
 */
public class BatchingSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> store;
    private final SagaReads reads;
    private final SagaWrites writes;
    private final String resourceKey = BatchingSagaStore.class.getName() + "@" + System.identityHashCode(this);
    private final String writesKey = resourceKey + ".writes";

    /**
     * @param store the store behind, which answers what was not read ahead and writes what is not batched
     * @param reads the reads of the same store's tables (joining the processor's transaction)
     * @param writes the writes into the same store's tables (joining the processor's transaction)
     */
    public BatchingSagaStore(SagaStore<Object> store, SagaReads reads, SagaWrites writes) {
        this.store = store;
        this.reads = reads;
        this.writes = writes;
    }

    /**
     * Reads every saga of the type associated with one of the values, and all their associations, for the rest of the
     * current unit of work (its root: the processor's batch). Does nothing outside a unit of work.
     */
    public void readAhead(Class<?> sagaType, Collection<AssociationValue> values) {
        if (!CurrentUnitOfWork.isStarted() || values.isEmpty()) {
            return;
        }
        SagaReads.Sagas read = reads.read(sagaType, values);
        CurrentUnitOfWork.get().root().resources().put(resourceKey, read);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        SagaReads.Sagas read = readAhead();
        if (read != null && read.answers(sagaType, associationValue)) {
            return read.sagasOf(associationValue);
        }
        return store.findSagas(sagaType, associationValue);
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        SagaReads.Sagas read = readAhead();
        // Loaded once a unit of work (Axon's repository keeps what it loaded), so taken from what was read.
        Entry<S> entry = read == null ? null : read.take(sagaType, sagaIdentifier);
        return entry != null ? entry : store.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        store.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        SagaWrites.Pending pending = batchWrites();
        if (pending == null) {
            store.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
        } else {
            pending.insert(sagaType, sagaIdentifier, saga, associationValues);
        }
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        SagaWrites.Pending pending = batchWrites();
        if (pending == null) {
            store.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
        } else {
            pending.update(
                    sagaType,
                    sagaIdentifier,
                    saga,
                    associationValues.addedAssociations(),
                    associationValues.removedAssociations());
        }
    }

    /**
     * The writes of the batch now committing, flushed just before its transaction commits; null when a write is to go
     * to the store at once: not the batch's own commit (a nested unit of work, none, or another phase), or no Spring
     * transaction to flush before.
     */
    private SagaWrites.Pending batchWrites() {
        if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        if (!(current instanceof BatchingUnitOfWork<?>)
                || !current.isRoot()
                || current.phase() != UnitOfWork.Phase.PREPARE_COMMIT) {
            return null;
        }
        return current.getOrComputeResource(writesKey, key -> {
            SagaWrites.Pending pending = writes.pending();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    pending.flush();
                }
            });
            return pending;
        });
    }

    private SagaReads.Sagas readAhead() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(resourceKey) : null;
    }
}
