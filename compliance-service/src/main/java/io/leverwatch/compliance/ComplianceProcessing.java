package io.leverwatch.compliance;

import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.inbox.ContractSequencingPolicy;
import io.leverwatch.compliance.operator.deadletter.Causes;
import io.leverwatch.compliance.operator.deadletter.DeadLetteredSequences;
import io.leverwatch.compliance.operator.deadletter.DeadLetteringSagaManager;
import io.leverwatch.compliance.operator.deadletter.DeadLetters;
import io.leverwatch.compliance.operator.deadletter.KeyedSagaRepository;
import io.leverwatch.compliance.operator.deadletter.SavepointPerHandler;
import io.leverwatch.compliance.operator.deadletter.Savepoints;
import io.leverwatch.compliance.query.AlertProjection;
import io.leverwatch.compliance.saga.BatchingSagaStore;
import io.leverwatch.compliance.saga.SagaReads;
import io.leverwatch.compliance.saga.SagaWrites;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the processors on the inbox run (their mode, threads and segments are in {@code compliance-service.properties}).
 *
 * <p>A handler that fails on an event neither skips it nor stops its processor: the event is parked in the group's
 * sequenced dead-letter queue (table {@code deadletterentry}), with every later event of its sequence behind it, in
 * order, while the other sequences go on; an operator retries or drops them ({@code compliance.operator.deadletter}).
 * The saga's sequence is the contract; the alert view's is the alert. Axon gives the alert view its queue; the saga
 * gets the same from {@link DeadLetteringSagaManager}, as Axon 4 has none for sagas. What still stops and retries the
 * batch ({@link PropagatingErrorHandler}) is a failure of the database itself, which passes, and anything outside the
 * handlers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ComplianceProcessing {

    /** How Spring's saga lookup names a saga's registrar: ours, present, makes it skip its own. */
    private static final String SAGA_REGISTRAR = "accessLeverageSaga$$Registrar";

    @Bean
    ConfigurerModule complianceProcessors(
            @Qualifier("alertViewDeadLetterQueue") JdbcSequencedDeadLetterQueue<EventMessage<?>> alertViewQueue) {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(AccessLeverageSaga.PROCESSING_GROUP, c -> new ContractSequencingPolicy())
                .registerListenerInvocationErrorHandler(
                        AccessLeverageSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(
                        AlertProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueue(AlertProjection.PROCESSING_GROUP, c -> alertViewQueue)
                .registerDeadLetterPolicy(
                        AlertProjection.PROCESSING_GROUP, c -> (letter, cause) -> Decisions.enqueue(Causes.of(cause)));
    }

    /**
     * Registers the AccessLeverage saga with the dead-lettering manager, and the repository that finds its sagas by
     * key. Spring's saga lookup registers each {@code @Saga} under a bean named after it unless one by that name
     * exists: this is that bean. Like Spring's, it uses the store the annotation names, if any, and otherwise the
     * configuration's saga store.
     */
    @Bean(name = SAGA_REGISTRAR)
    ConfigurerModule accessLeverageSagaRegistrar(
            @Qualifier("accessLeverageSagaDeadLetterQueue") JdbcSequencedDeadLetterQueue<EventMessage<?>> queue,
            DeadLetterSchema deadLetterSchema,
            JdbcTemplate jdbc,
            Savepoints savepoints,
            SagaReads reads,
            SagaWrites writes,
            BeanFactory beans) {
        Saga annotation = AnnotationUtils.findAnnotation(AccessLeverageSaga.class, Saga.class);
        String name = annotation == null ? "" : annotation.sagaStore();
        @SuppressWarnings("unchecked")
        SagaStore<Object> store =
                name.isEmpty() ? beans.getBean(SagaStore.class) : beans.getBean(name, SagaStore.class);
        BatchingSagaStore sagas = new BatchingSagaStore(store, reads, writes);
        DeadLetteredSequences lettered =
                new DeadLetteredSequences(jdbc, deadLetterSchema, AccessLeverageSaga.PROCESSING_GROUP);
        return configurer -> configurer
                .eventProcessing()
                .registerSaga(
                        AccessLeverageSaga.class,
                        saga -> saga.configureSagaStore(c -> sagas)
                                .configureRepository(c -> KeyedSagaRepository.of(AccessLeverageSaga.class, sagas, c))
                                .configureSagaManager(c -> sagaManager(c, sagas, queue, lettered, savepoints)));
    }

    // As Axon's SagaConfigurer builds the manager, plus the queue, the savepoints and the group's sequencing policy.
    private static DeadLetteringSagaManager<AccessLeverageSaga> sagaManager(
            Configuration c,
            BatchingSagaStore sagas,
            JdbcSequencedDeadLetterQueue<EventMessage<?>> queue,
            DeadLetteredSequences lettered,
            Savepoints savepoints) {
        EventProcessingConfiguration processing = c.eventProcessingConfiguration();
        String group = AccessLeverageSaga.PROCESSING_GROUP;
        AnnotatedSagaManager.Builder<AccessLeverageSaga> builder = AnnotatedSagaManager.<AccessLeverageSaga>builder()
                .sagaType(AccessLeverageSaga.class)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(AccessLeverageSaga.class))
                .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(group))
                .spanFactory(c.getComponent(SagaManagerSpanFactory.class));
        return new DeadLetteringSagaManager<>(
                builder,
                processing.sagaConfiguration(AccessLeverageSaga.class).repository(),
                sagas,
                processing.sequencingPolicy(group),
                queue,
                lettered,
                savepoints,
                processing.transactionManager(group));
    }

    /** Many sagas read at once from the JDBC saga store's tables: the saga's batches and the replay's slices. */
    @Bean
    SagaReads sagaReads(ConnectionProvider connections, SagaSqlSchema sagaSchema, Serializer serializer) {
        return new SagaReads(connections, (GenericSagaSqlSchema) sagaSchema, serializer);
    }

    /** Many sagas written at once into the same tables: the saga's batches as they commit. */
    @Bean
    SagaWrites sagaWrites(ConnectionProvider connections, SagaSqlSchema sagaSchema, Serializer serializer) {
        return new SagaWrites(connections, (GenericSagaSqlSchema) sagaSchema, serializer);
    }

    @Bean
    JdbcSequencedDeadLetterQueue<EventMessage<?>> accessLeverageSagaDeadLetterQueue(
            ConnectionProvider connections,
            TransactionManager transactionManager,
            DeadLetterSchema schema,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return queue(
                AccessLeverageSaga.PROCESSING_GROUP,
                connections,
                transactionManager,
                schema,
                serializer,
                eventSerializer);
    }

    @Bean
    JdbcSequencedDeadLetterQueue<EventMessage<?>> alertViewDeadLetterQueue(
            ConnectionProvider connections,
            TransactionManager transactionManager,
            DeadLetterSchema schema,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return queue(
                AlertProjection.PROCESSING_GROUP, connections, transactionManager, schema, serializer, eventSerializer);
    }

    private static JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(
            String group,
            ConnectionProvider connections,
            TransactionManager transactionManager,
            DeadLetterSchema schema,
            Serializer serializer,
            Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(schema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    Savepoints savepoints(PlatformTransactionManager transactions) {
        return new Savepoints(transactions);
    }

    /** The alert view's handlers each in a savepoint, so that Axon's invoker can write the letter after a failure. */
    @Bean
    SavepointPerHandler alertViewSavepoints(Savepoints savepoints) {
        return new SavepointPerHandler(Set.of(AlertProjection.class), savepoints);
    }

    @Bean
    DeadLetters processorDeadLetters(
            @Qualifier("accessLeverageSagaDeadLetterQueue") JdbcSequencedDeadLetterQueue<EventMessage<?>> sagaQueue,
            @Qualifier("alertViewDeadLetterQueue") JdbcSequencedDeadLetterQueue<EventMessage<?>> alertViewQueue,
            EventProcessingConfiguration processing,
            PlatformTransactionManager transactions) {
        Map<String, DeadLetters.Queue> queues = new LinkedHashMap<>();
        queues.put(
                AccessLeverageSaga.PROCESSING_GROUP, new DeadLetters.Queue(sagaQueue, () -> sagaProcessor(processing)));
        queues.put(
                AlertProjection.PROCESSING_GROUP,
                new DeadLetters.Queue(
                        alertViewQueue,
                        () -> processing
                                .sequencedDeadLetterProcessor(AlertProjection.PROCESSING_GROUP)
                                .orElseThrow()));
        return new DeadLetters(queues, new TransactionTemplate(transactions));
    }

    @SuppressWarnings("unchecked")
    private static SequencedDeadLetterProcessor<EventMessage<?>> sagaProcessor(
            EventProcessingConfiguration processing) {
        return (SequencedDeadLetterProcessor<EventMessage<?>>)
                processing.sagaConfiguration(AccessLeverageSaga.class).manager();
    }
}
