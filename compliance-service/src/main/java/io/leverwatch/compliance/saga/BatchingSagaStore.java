package io.leverwatch.compliance.saga;

import java.util.Collection;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;

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
    private final SagaReads reads;
    private final String resourceKey = BatchReadingSagaStore.class.getName() + "@" + System.identityHashCode(this);

    /**
     * @param store the store behind, which writes and answers what was not read ahead
     * @param reads the reads of the same store's tables (joining the processor's transaction)
     */
    public BatchReadingSagaStore(SagaStore<Object> store, SagaReads reads) {
        this.store = store;
        this.reads = reads;
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
        store.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        store.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    private SagaReads.Sagas readAhead() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(resourceKey) : null;
    }
}
