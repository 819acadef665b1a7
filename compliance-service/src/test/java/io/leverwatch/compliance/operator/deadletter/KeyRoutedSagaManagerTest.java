package io.leverwatch.compliance.operator.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.inbox.ContractSequencingPolicy;
import io.leverwatch.compliance.inbox.InboxMetaData;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.saga.BatchingSagaStore;
import io.leverwatch.events.Money;
import io.leverwatch.events.billing.InvoiceIssued;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaRepository;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The saga's manager routes each event to the one segment that holds its contract's saga (its key). */
class KeyRoutedSagaManagerTest {

    private static final int CONTRACTS = 200;

    private final Segment[] segments = Segment.ROOT_SEGMENT.split();
    private final InMemorySagaStore memory = new InMemorySagaStore();
    private final BatchingSagaStore store = new BatchingSagaStore(memory, null, null);
    private final DeadLetteringSagaManager<AccessLeverageSaga> manager =
            manager(AnnotatedSagaRepository.<AccessLeverageSaga>builder()
                    .sagaType(AccessLeverageSaga.class)
                    .sagaStore(store)
                    .resourceInjector(KeyRoutedSagaManagerTest::injectGateway)
                    .build());

    @Test
    void eachEventGoesToOneSegmentWhichFindsTheContractsOneSagaWhateverItsId() throws Exception {
        int sagasWhoseIdHashesElsewhere = 0;
        for (int i = 0; i < CONTRACTS; i++) {
            String contractId = "c-" + i;
            AssociationValue key = new AssociationValue("contractId", contractId);
            for (int invoice = 1; invoice <= 2; invoice++) {
                EventMessage<?> event = invoiceIssued(contractId, "inv-" + i + "-" + invoice);
                List<Segment> handling = Arrays.stream(segments)
                        .filter(segment -> manager.canHandle(event, segment))
                        .toList();
                // The one segment the key hashes into: the one Axon creates the contract's saga in.
                assertThat(handling).hasSize(1).allMatch(segment -> segment.matches(key));
                handle(event, handling.get(0));
            }
            Set<String> sagas = memory.findSagas(AccessLeverageSaga.class, key);
            assertThat(sagas).as("sagas of %s", contractId).hasSize(1);
            String sagaId = sagas.iterator().next();
            AccessLeverageSaga saga = memory.<AccessLeverageSaga>loadSaga(AccessLeverageSaga.class, sagaId)
                    .saga();
            assertThat(saga)
                    .extracting("contractCase", InstanceOfAssertFactories.type(ContractCase.class))
                    .extracting(ContractCase::size)
                    .isEqualTo(2);
            if (Arrays.stream(segments).noneMatch(segment -> segment.matches(key) && segment.matches(sagaId))) {
                sagasWhoseIdHashesElsewhere++;
            }
        }
        // Routed by saga id, as Axon does, the second event of these contracts would not have found their saga.
        assertThat(sagasWhoseIdHashesElsewhere).isGreaterThan(CONTRACTS / 4);
    }

    /** The key named in the metadata turns an event away early; without it the payload's decides, the same. */
    @Test
    void anEventGoesToTheSameOneSegmentWhetherItsMetadataNamesItsContractOrNot() {
        for (int i = 0; i < CONTRACTS; i++) {
            EventMessage<?> named = invoiceIssued("c-" + i, "inv-" + i);
            EventMessage<?> unnamed = GenericEventMessage.asEventMessage(named.getPayload());
            List<Segment> byMetadata = Arrays.stream(segments)
                    .filter(segment -> manager.canHandle(named, segment))
                    .toList();
            List<Segment> byPayload = Arrays.stream(segments)
                    .filter(segment -> manager.canHandle(unnamed, segment))
                    .toList();
            assertThat(byMetadata).hasSize(1).isEqualTo(byPayload);
        }
    }

    @Test
    void theSegmentAnEventsMetadataRoutesElsewhereTurnsItAwayWithoutReadingItsPayload() {
        AtomicInteger payloadReads = new AtomicInteger();
        EventMessage<?> named = invoiceIssued("c-7", "inv-7");
        EventMessage<?> counted =
                new GenericEventMessage<InvoiceIssued>((InvoiceIssued) named.getPayload(), named.getMetaData()) {
                    @Override
                    public InvoiceIssued getPayload() {
                        payloadReads.incrementAndGet();
                        return super.getPayload();
                    }
                };
        Segment elsewhere = Arrays.stream(segments)
                .filter(segment -> !segment.matches(new AssociationValue("contractId", "c-7")))
                .findFirst()
                .orElseThrow();

        assertThat(manager.canHandle(counted, elsewhere)).isFalse();
        assertThat(payloadReads).hasValue(0);
    }

    /**
     * The keyed repository finds a saga by its key in the store, or among the sagas its unit of work created and has
     * not stored yet: a batch with several events of a new contract makes one saga of them, as Axon's does.
     */
    @Test
    void aBatchWithSeveralEventsOfANewContractMakesOneSagaOfThemThroughTheKeyedRepository() {
        DeadLetteringSagaManager<AccessLeverageSaga> keyed = manager(KeyedSagaRepository.of(
                AnnotatedSagaRepository.<AccessLeverageSaga>builder()
                        .sagaType(AccessLeverageSaga.class)
                        .sagaStore(store)
                        .resourceInjector(KeyRoutedSagaManagerTest::injectGateway),
                AccessLeverageSaga.class,
                store));
        List<EventMessage<?>> batch = List.of(
                invoiceIssued("c-new", "inv-1"),
                invoiceIssued("c-other", "inv-2"),
                invoiceIssued("c-new", "inv-3"),
                invoiceIssued("c-new", "inv-4"));
        inOneUnitOfWork(keyed, batch);
        inOneUnitOfWork(keyed, List.of(invoiceIssued("c-new", "inv-5"), invoiceIssued("c-other", "inv-6")));

        assertThat(factsBySaga("c-new")).containsExactly(4);
        assertThat(factsBySaga("c-other")).containsExactly(2);
    }

    @Test
    void aSagaTypeWithoutOneStartingKeyIsRefused() {
        assertThat(SagaKey.of(AccessLeverageSaga.class)).isEqualTo("contractId");
        assertThatThrownBy(() -> SagaKey.of(NotStarting.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotStarting.on does not start the saga");
        assertThatThrownBy(() -> SagaKey.of(TwoKeys.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[accountId, contractId]");
    }

    private DeadLetteringSagaManager<AccessLeverageSaga> manager(SagaRepository<AccessLeverageSaga> repository) {
        return new DeadLetteringSagaManager<>(
                AnnotatedSagaManager.<AccessLeverageSaga>builder().sagaType(AccessLeverageSaga.class),
                repository,
                store,
                new ContractSequencingPolicy(),
                null,
                new DeadLetteredSequences(null, DeadLetterSchema.defaultSchema(), AccessLeverageSaga.PROCESSING_GROUP) {
                    @Override
                    public Set<String> get() {
                        return new HashSet<>();
                    }
                },
                null,
                NoTransactionManager.instance());
    }

    private static void inOneUnitOfWork(
            DeadLetteringSagaManager<AccessLeverageSaga> manager, List<EventMessage<?>> events) {
        ResultMessage<?> result = new DefaultUnitOfWork<>(events.get(0)).executeWithResult(() -> {
            for (EventMessage<?> event : events) {
                manager.handle(event, Segment.ROOT_SEGMENT);
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError("handling failed", result.exceptionResult());
        }
    }

    /** How many facts each saga of the contract holds. */
    private List<Integer> factsBySaga(String contractId) {
        return memory.findSagas(AccessLeverageSaga.class, new AssociationValue("contractId", contractId)).stream()
                .map(id -> memory.<AccessLeverageSaga>loadSaga(AccessLeverageSaga.class, id)
                        .saga())
                .map(saga -> ((ContractCase) ReflectionTestUtils.getField(saga, "contractCase")).size())
                .toList();
    }

    // As Axon's Spring injector does after every load (the setter is the saga's own, not public). No command is due:
    // a bus without handlers would refuse one.
    private static void injectGateway(Object saga) {
        try {
            Method setter = AccessLeverageSaga.class.getDeclaredMethod("setCommandGateway", CommandGateway.class);
            setter.setAccessible(true);
            setter.invoke(
                    saga,
                    DefaultCommandGateway.builder()
                            .commandBus(SimpleCommandBus.builder().build())
                            .build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(EventMessage<?> event, Segment segment) throws Exception {
        ResultMessage<?> result = new DefaultUnitOfWork<>(event).executeWithResult(() -> {
            manager.handle(event, segment);
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError("handling failed", result.exceptionResult());
        }
    }

    private static EventMessage<?> invoiceIssued(String contractId, String invoiceId) {
        InvoiceIssued invoice = new InvoiceIssued(
                invoiceId,
                contractId,
                Money.of("100.00", "EUR"),
                LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 2, 5),
                Instant.parse("2026-01-05T09:00:00Z"));
        return GenericEventMessage.asEventMessage(invoice)
                .andMetaData(Map.of(InboxMetaData.CONTRACT_ID, contractId, InboxMetaData.SOURCE, "billing"));
    }

    static class NotStarting {
        @SagaEventHandler(associationProperty = "contractId")
        public void on(InvoiceIssued event) {}
    }

    static class TwoKeys {
        @StartSaga
        @SagaEventHandler(associationProperty = "contractId")
        public void on(InvoiceIssued event) {}

        @StartSaga
        @SagaEventHandler(associationProperty = "accountId")
        public void on(io.leverwatch.events.access.AccessRevoked event) {}
    }
}
