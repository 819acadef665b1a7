package io.leverwatch.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.ingest.CommandSender;
import io.leverwatch.kit.ingest.DataSchemas;
import io.leverwatch.kit.ingest.DeadLetters;
import io.leverwatch.kit.ingest.EventReader;
import io.leverwatch.kit.ingest.EventValidator;
import io.leverwatch.kit.ingest.InboundEventHandler;
import io.leverwatch.kit.ingest.InboundTopicListener;
import io.leverwatch.kit.ingest.IngestMetrics;
import io.leverwatch.kit.ingest.IngestionPipeline;
import io.leverwatch.kit.ingest.ProcessedEvents;
import io.leverwatch.kit.ops.DemoKeys;
import io.leverwatch.kit.ops.PublishLag;
import io.leverwatch.kit.publish.EventFields;
import io.leverwatch.kit.publish.MetaDataKeys;
import io.leverwatch.kit.publish.OutboundPublisher;
import io.leverwatch.kit.publish.PublicationGate;
import io.leverwatch.kit.security.AgencyApiSecurity;
import io.leverwatch.kit.security.ApiKeys;
import io.leverwatch.kit.web.EventsController;
import io.leverwatch.kit.web.ProblemHandler;
import io.leverwatch.kit.web.SchemasController;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the kit into a service. A service adds its aggregates and {@link InboundEventHandler}s. */
@AutoConfiguration
@EnableConfigurationProperties(LeverwatchProperties.class)
@Import({AgencyApiSecurity.class, ProblemHandler.class, SchemasController.class})
public class ServiceKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The agencies' keys live in the shared {@code identity} schema, migrated by whichever service starts first. */
    @Bean
    IdentitySchema identitySchema(DataSource dataSource) {
        return new IdentitySchema(dataSource);
    }

    /**
     * Migrates the shared schema at startup. Not a {@code Flyway} bean: that would switch off Spring Boot's
     * migration of the service's own schema.
     */
    static final class IdentitySchema {
        IdentitySchema(DataSource dataSource) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("identity")
                    .defaultSchema("identity")
                    .locations("classpath:db/identity")
                    .load()
                    .migrate();
        }
    }

    @Bean
    @DependsOn("identitySchema")
    ApiKeys apiKeys(JdbcTemplate jdbc, Clock clock) {
        return new ApiKeys(jdbc, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "leverwatch.embedded", havingValue = "true")
    DemoKeys demoKeys(ApiKeys keys, LeverwatchProperties properties) {
        return new DemoKeys(keys, properties.getDemoKeys());
    }

    @Bean
    DataSchemas dataSchemas() {
        return new DataSchemas();
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    EventReader eventReader(ObjectMapper mapper) {
        return new EventReader(mapper);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    CommandSender commandSender(CommandGateway gateway) {
        return new CommandSender(gateway);
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /** The command's CloudEvent identity and agency follow it onto every event it causes. */
    @Bean
    CorrelationDataProvider cloudEventCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ALL.toArray(String[]::new));
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty() || !'${leverwatch.outbound-topic:}'.isEmpty()")
    IngestionPipeline ingestionPipeline(
            List<InboundEventHandler> handlers,
            ProcessedEvents processed,
            PlatformTransactionManager transactionManager,
            IngestMetrics metrics) {
        return new IngestionPipeline(handlers, processed, new TransactionTemplate(transactionManager), metrics);
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty()")
    EventValidator eventValidator(IngestionPipeline pipeline, DataSchemas schemas, LeverwatchProperties properties) {
        return new EventValidator(pipeline.types(), schemas, properties.getService());
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty()")
    EventsController eventsController(EventReader reader, EventValidator validator, IngestionPipeline pipeline) {
        return new EventsController(reader, validator, pipeline);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<io.leverwatch.kit.web.BodySizeLimitFilter>
            bodySizeLimitFilter(LeverwatchProperties properties) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new io.leverwatch.kit.web.BodySizeLimitFilter(properties.getMaxBodyBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    // --- Kafka ---

    @Bean
    KafkaTemplate<byte[], byte[]> leverwatchKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    DeadLetters deadLetters(
            @Qualifier("leverwatchKafkaTemplate") KafkaTemplate<byte[], byte[]> template, IngestMetrics metrics) {
        return new DeadLetters(template, metrics);
    }

    @Bean
    NewTopic dlqTopic() {
        return new NewTopic(Topics.INBOUND_DLQ, 3, (short) 1);
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty()")
    NewTopic inboundTopic(LeverwatchProperties properties) {
        return new NewTopic(properties.getInboundTopic(), 3, (short) 1);
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.outbound-topic:}'.isEmpty()")
    NewTopic outboundTopic(LeverwatchProperties properties) {
        return new NewTopic(properties.getOutboundTopic(), 3, (short) 1);
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty()")
    InboundTopicListener inboundTopicListener(
            EventReader reader,
            EventValidator validator,
            IngestionPipeline pipeline,
            ApiKeys keys,
            DeadLetters deadLetters,
            IngestMetrics metrics,
            ObjectMapper mapper) {
        return new InboundTopicListener(reader, validator, pipeline, keys, deadLetters, metrics, mapper);
    }

    /** One record at a time, offsets committed after it is accepted or dead-lettered; our own failures retry. */
    @Bean
    @ConditionalOnExpression("!'${leverwatch.inbound-topic:}'.isEmpty()")
    ConcurrentMessageListenerContainer<byte[], byte[]> inboundTopicContainer(
            KafkaProperties kafka, LeverwatchProperties properties, InboundTopicListener listener) {
        return KafkaConsumers.oneRecordAtATime(
                kafka, properties.getInboundTopic(), properties.getService() + "-inbound", (MessageListener<
                                byte[], byte[]>)
                        listener::onRecord);
    }

    // --- publishing ---

    @Bean
    @ConditionalOnMissingBean
    PublicationGate publicationGate() {
        return (payload, message) -> {
            String contractId = EventFields.contractId(payload);
            return contractId == null
                    ? new PublicationGate.Skip("not a contract event")
                    : new PublicationGate.Publish(contractId);
        };
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.outbound-topic:}'.isEmpty()")
    OutboundPublisher outboundPublisher(
            @Qualifier("leverwatchKafkaTemplate") KafkaTemplate<byte[], byte[]> template,
            ObjectMapper mapper,
            PublicationGate gate,
            LeverwatchProperties properties,
            MeterRegistry registry) {
        return new OutboundPublisher(
                template, mapper, gate, properties.getOutboundTopic(), properties.getService(), registry);
    }

    /** The publisher stops and retries on failure instead of skipping an event it could not send. */
    @Bean
    ConfigurerModule outboundPublisherProcessing() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        OutboundPublisher.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100))
                .registerListenerInvocationErrorHandler(
                        OutboundPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    @ConditionalOnExpression("!'${leverwatch.outbound-topic:}'.isEmpty()")
    PublishLag publishLag(JdbcTemplate jdbc, MeterRegistry registry) {
        return new PublishLag(jdbc, registry, OutboundPublisher.PROCESSING_GROUP);
    }
}
