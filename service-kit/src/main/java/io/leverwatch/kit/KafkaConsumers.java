package io.leverwatch.kit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
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
     * As {@link #oneRecordAtATime}, but the offsets are committed once a poll's records have been handled, not after
     * each: for a listener whose records are idempotent, so that records handled again after a failure or a crash
     * (up to a poll's worth) change nothing. A commit is a synchronous round trip and a write to the broker's offsets
     * log; per record it was a fifth of a contract learner's time (BENCHMARKS.md).
     */
    public static ConcurrentMessageListenerContainer<byte[], byte[]> committedEachPoll(
            KafkaProperties kafka, String topic, String group, MessageListener<byte[], byte[]> listener) {
        return container(kafka, topic, group, listener, ContainerProperties.AckMode.BATCH);
    }

    private static ConcurrentMessageListenerContainer<byte[], byte[]> container(
            KafkaProperties kafka,
            String topic,
            String group,
            MessageListener<byte[], byte[]> listener,
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
