package io.leverwatch.compliance.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.LeverwatchProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the inbox: a consumer of the three outbound topics, its dead-letter topic and its metrics. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    /** The topics the inbox consumes: every service's published events. */
    public static final List<String> TOPICS =
            List.of(Topics.CONTRACT_EVENTS, Topics.BILLING_EVENTS, Topics.ACCESS_EVENTS);

    @Bean
    InboxRecordReader inboxRecordReader(ObjectMapper mapper, Clock clock) {
        return new InboxRecordReader(mapper, clock);
    }

    @Bean
    Inbox inbox(
            EventStore eventStore,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Inbox.InboxLedger ledger,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new Inbox(eventStore, jdbc, new TransactionTemplate(transactionManager), ledger, eventSerializer);
    }

    @Bean
    InboxDeadLetters inboxDeadLetters(@Qualifier("leverwatchKafkaTemplate") KafkaTemplate<byte[], byte[]> template) {
        return new InboxDeadLetters(template);
    }

    @Bean
    InboxMetrics inboxMetrics(MeterRegistry registry) {
        return new InboxMetrics(registry);
    }

    @Bean
    InboxListener inboxListener(
            InboxRecordReader reader, Inbox inbox, InboxDeadLetters deadLetters, InboxMetrics metrics) {
        return new InboxListener(reader, inbox, deadLetters, metrics);
    }

    /**
     * What a poll delivers at a time (up to {@code leverwatch.compliance.inbox.max-poll-records}), its offsets
     * committed once every record is in the inbox or dead-lettered. Our own failures retry the delivery with a
     * back-off that never gives up: skipping a record would lose a fact for good.
     */
    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> inboxContainer(
            KafkaProperties kafka,
            LeverwatchProperties properties,
            InboxListener listener,
            InboxMetrics metrics,
            @Value("${leverwatch.compliance.inbox.concurrency:3}") int concurrency,
            @Value("${leverwatch.compliance.inbox.max-poll-records:500}") int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.getService() + "-inbox");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        ContainerProperties containerProperties = new ContainerProperties(TOPICS.toArray(String[]::new));
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener((BatchMessageListener<byte[], byte[]>) listener::onRecords);
        // A delivery takes milliseconds to append; one cut short at shutdown is redelivered and dropped as duplicates.
        containerProperties.setShutdownTimeout(3_000);
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<byte[], byte[]>(config), containerProperties);
        container.setConcurrency(concurrency);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setBeanName(properties.getService() + "-inbox");
        metrics.watchLag(container, TOPICS);
        return container;
    }

    // The topics are declared here too, with the services' partitioning, so that compliance can start first.
    @Bean
    NewTopic contractEventsTopic() {
        return new NewTopic(Topics.CONTRACT_EVENTS, 3, (short) 1);
    }

    @Bean
    NewTopic billingEventsTopic() {
        return new NewTopic(Topics.BILLING_EVENTS, 3, (short) 1);
    }

    @Bean
    NewTopic accessEventsTopic() {
        return new NewTopic(Topics.ACCESS_EVENTS, 3, (short) 1);
    }

    @Bean
    NewTopic complianceDeadLetterTopic() {
        return new NewTopic(InboxDeadLetters.TOPIC, 3, (short) 1);
    }
}
