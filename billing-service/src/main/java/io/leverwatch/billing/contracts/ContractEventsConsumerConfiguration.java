package io.leverwatch.billing.contracts;

import io.leverwatch.events.Topics;
import io.leverwatch.kit.LeverwatchProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumes {@code leverwatch.contract.events} in billing-service's own consumer group, one record at a time,
 * committing its offset only once the record is handled. A failure of ours (database or broker down) is
 * retried with back-off, without limit: a registration skipped would hold its contract's invoices forever.
 */
@Configuration(proxyBeanMethods = false)
class ContractEventsConsumerConfiguration {

    /** Declared here too, so billing-service can start before contract-service has ever published. */
    @Bean
    NewTopic contractEventsTopic() {
        return new NewTopic(Topics.CONTRACT_EVENTS, 3, (short) 1);
    }

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> contractEventsContainer(
            KafkaProperties kafka, LeverwatchProperties properties, ContractEventsListener listener) {
        String group = properties.getService() + "-contracts";
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties containerProperties = new ContainerProperties(Topics.CONTRACT_EVENTS);
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        containerProperties.setMessageListener((MessageListener<byte[], byte[]>) listener::onRecord);
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<byte[], byte[]>(config), containerProperties);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setBeanName(group);
        return container;
    }
}
