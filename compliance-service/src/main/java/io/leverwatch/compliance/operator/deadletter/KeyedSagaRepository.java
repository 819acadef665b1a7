package io.leverwatch.compliance.operator.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSaga;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.SagaStore;

/**
 * Axon's saga repository, as Axon's configuration builds it, for a saga routed by its key ({@link
 * DeadLetteringSagaManager}), finding the sagas of a key without going through every saga it holds.
 *
 * <p>Axon's {@code find} goes through every saga loaded or created by every unit of work in progress, each processor
 * thread's batch, and asks each whether it has the association, for every event: a ninth of the saga processor's
 * time (BENCHMARKS.md). A saga with the key association has had it since it was created, stored with it and never
 * removed: so it is either in the store (which the {@link io.leverwatch.compliance.saga.BatchingSagaStore} answers from
 * what the batch read ahead), or created by this unit of work and not stored yet, which this repository keeps with the
 * unit of work. A saga another thread created and has not committed is not found, as no other thread handles the same
 * key: the processor's segments route by it, its dead letters park the key's later events, the replay pauses the
 * processor. An association other than the key is found as Axon finds it.
 *
 * @param <T> the saga type
 */
public final class KeyedSagaRepository<T> extends AnnotatedSagaRepository<T> {

    private final Class<T> sagaType;
    private final SagaStore<? super T> store;
    private final String key;
    private final String createdResource =
            KeyedSagaRepository.class.getName() + ".created@" + System.identityHashCode(this);

    private KeyedSagaRepository(Builder<T> builder, Class<T> sagaType, SagaStore<? super T> store) {
        super(builder);
        this.sagaType = sagaType;
        this.store = store;
        this.key = SagaKey.of(sagaType);
    }

    /**
     * The repository of the saga type on the store, with the resources and handlers Axon's configuration gives its own.
     *
     * @throws IllegalArgumentException if the saga type has no key ({@link SagaKey})
     */
    public static <T> KeyedSagaRepository<T> of(Class<T> sagaType, SagaStore<? super T> store, Configuration c) {
        return of(
                AnnotatedSagaRepository.<T>builder()
                        .sagaType(sagaType)
                        .sagaStore(store)
                        .resourceInjector(c.resourceInjector())
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(sagaType)),
                sagaType,
                store);
    }

    /** As Axon's repository the builder would build, on the same type and store. */
    static <T> KeyedSagaRepository<T> of(Builder<T> builder, Class<T> sagaType, SagaStore<? super T> store) {
        return new KeyedSagaRepository<>(builder, sagaType, store);
    }

    @Override
    public AnnotatedSaga<T> doCreateInstance(String sagaIdentifier, Supplier<T> sagaFactory) {
        AnnotatedSaga<T> saga = super.doCreateInstance(sagaIdentifier, sagaFactory);
        CurrentUnitOfWork.get()
                .root()
                .<List<AnnotatedSaga<T>>>getOrComputeResource(createdResource, k -> new ArrayList<>())
                .add(saga);
        return saga;
    }

    @Override
    public Set<String> find(AssociationValue associationValue) {
        if (!key.equals(associationValue.getKey()) || !CurrentUnitOfWork.isStarted()) {
            return super.find(associationValue);
        }
        Set<String> found = new TreeSet<>(store.findSagas(sagaType, associationValue));
        List<AnnotatedSaga<T>> created = CurrentUnitOfWork.get().root().getResource(createdResource);
        if (created != null) {
            for (AnnotatedSaga<T> saga : created) {
                if (saga.getAssociationValues().contains(associationValue)) {
                    found.add(saga.getSagaIdentifier());
                }
            }
        }
        return found;
    }
}
