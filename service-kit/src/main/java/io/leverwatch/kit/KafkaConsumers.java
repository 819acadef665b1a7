package io.leverwatch.kit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/** How every service consumes a topic: the same container for its inbound topic and for contract events. */
public final class KafkaConsumers {

    /**
     * One record at a time from the start of the topic, its offset committed only once the listener returned.
     * A failure of ours (database or broker down) is retried with back-off, without limit, never skipped.
     */
    public static ConcurrentMessageListenerContainer<byte[], byte[]> oneRecordAtATime(
            KafkaProperties kafka, String topic, String group, MessageListener<byte[], byte[]> listener) {
        return container(kafka, topic, group, listener, ContainerProperties.AckMode.RECORD);
    }

    /**
     * A poll's records handed over together, and their offsets committed once the listener returned: for a listener
     * whose records are idempotent, so that records handled again after a failure or a crash (up to a poll's worth)
     * change nothing, and that does a poll's work in a few transactions instead of one or more a record. A failure
     * of ours thrown from it is retried with back-off, the same records again, without limit, never skipped. A
     * commit a record was a fifth of a contract learner's time, and the learners' transactions a record were most of
     * PostgreSQL's transactions (BENCHMARKS.md).
     */
    public static ConcurrentMessageListenerContainer<byte[], byte[]> aPollAtATime(
            KafkaProperties kafka, String topic, String group, BatchMessageListener<byte[], byte[]> listener) {
        return container(kafka, topic, group, listener, ContainerProperties.AckMode.BATCH);
    }

    private static ConcurrentMessageListenerContainer<byte[], byte[]> container(
            KafkaProperties kafka,
            String topic,
            String group,
            GenericMessageListener<?> listener,
            ContainerProperties.AckMode ackMode) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setAckMode(ackMode);
        containerProperties.setMessageListener(listener);
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<byte[], byte[]>(config), containerProperties);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setBeanName(group);
        return container;
    }

    private KafkaConsumers() {}
}
